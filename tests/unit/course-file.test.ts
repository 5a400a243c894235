import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourseFileError, EMPTY_COURSE, lineOfPath, parseCourseFile } from '../../src/lib/content/course';
import { inputsHashOf } from '../../src/lib/content/version';

const seedText = fs.readFileSync(path.resolve('src/sources/course.json'), 'utf8');

function problemOf(text: string): string {
	try {
		parseCourseFile(text, 'course.json');
	} catch (error) {
		expect(error).toBeInstanceOf(CourseFileError);
		return (error as Error).message;
	}
	throw new Error('the course file was accepted');
}

describe('the course file (course.json beside sources.json)', () => {
	it('accepts the seed course and an empty object', () => {
		const course = parseCourseFile(seedText);
		expect(course.outline.map((l) => l.id)).toEqual(['origins', 'etrace', 'gunwalking', 'inspector-general', 'politics']);
		expect(course.glossary.length).toBeGreaterThan(50);
		expect(parseCourseFile('{}')).toEqual(EMPTY_COURSE);
	});

	it('names the line and the path of a wrong value', () => {
		const broken = seedText.replace('"kind": "organisation"', '"kind": "agency"');
		const line = broken.split('\n').findIndex((l) => l.includes('"kind": "agency"')) + 1;
		const message = problemOf(broken);
		expect(message).toContain(`line ${line}`);
		expect(message).toMatch(/glossary\[0\]\.kind/);
	});

	it('names the line of a JSON syntax error, an unknown field and a dangling reference', () => {
		expect(problemOf('{\n  "outline": [\n    {"id": "a",}\n  ]\n}')).toMatch(/line 3/);
		expect(problemOf('{\n  "glossry": []\n}')).toMatch(/line 2.*glossry/s);
		const dangling = '{\n "glossary": [\n  {"id": "a", "name": "A", "kind": "person", "partOf": ["nobody"]}\n ]\n}';
		expect(problemOf(dangling)).toMatch(/line 3, glossary\[0\]\.partOf\[0\]: no glossary entry "nobody"/);
		expect(problemOf('{"rewrites": [{"match": "(unclosed", "replace": ""}]}')).toMatch(/rewrites\[0\]\.match: is not a valid regular expression/);
	});

	it('finds the line of any path', () => {
		expect(lineOfPath('{\n "a": [\n  1,\n  {"b": 2}\n ]\n}', ['a', 1, 'b'])).toBe(4);
	});

	it('is part of what regeneration depends on', () => {
		const course = parseCourseFile(seedText);
		const edited = { ...course, outline: course.outline.map((l, i) => (i === 0 ? { ...l, title: `${l.title}!` } : l)) };
		expect(inputsHashOf([], edited)).not.toBe(inputsHashOf([], course));
	});
});
