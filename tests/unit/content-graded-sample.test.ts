import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, GENERATOR_VERSION } from '../../src/lib/content/generate';
import { seedContent, seedCourse, seedSources } from '../helpers/seed-content';
import { QUESTION_TYPES } from '../../src/lib/content/question-types';

interface GradedItem {
	id: string;
	type: string;
	prompt: unknown;
	answer: unknown;
	citedSentenceIds: string[];
	verdict: 'pass' | 'fail';
	criterion?: string;
	why?: string;
}
const fixture = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/graded-sample.json'), 'utf8')) as {
	generatorVersion: string;
	items: GradedItem[];
};

describe('the graded sample (tests/fixtures/graded-sample.json)', () => {
	it('grades at least 50 items, each with a verdict, and a criterion and reason for every failure', () => {
		expect(fixture.items.length).toBeGreaterThanOrEqual(50);
		for (const item of fixture.items) {
			expect(['pass', 'fail']).toContain(item.verdict);
			expect(QUESTION_TYPES).toContain(item.type);
			if (item.verdict === 'fail') {
				expect(['grounded', 'unambiguous', 'self-contained', 'well formed', 'worth asking']).toContain(item.criterion);
				expect(item.why?.length).toBeGreaterThan(5);
			}
		}
		const passRate = fixture.items.filter((i) => i.verdict === 'pass').length / fixture.items.length;
		expect(passRate).toBeGreaterThanOrEqual(0.9);
	});

	// the one test that always generates the seed course afresh; the others share a cached copy
	const fresh = generate(seedSources, seedCourse);

	it('is deterministic: the same sources and course give byte-identical output', () => {
		const shared = seedContent();
		expect(JSON.stringify({ l: fresh.lessons, q: fresh.questions })).toBe(JSON.stringify({ l: shared.lessons, q: shared.questions }));
		expect(fresh.inputsHash).toBe(shared.inputsHash);
	});

	it('still matches what the generator produces: a changed item must be graded again', () => {
		expect(fixture.generatorVersion).toBe(GENERATOR_VERSION);
		const generated = new Map(fresh.questions.map((q) => [q.id, q]));
		for (const item of fixture.items) {
			const current = generated.get(item.id);
			expect(current, `${item.id} is no longer generated`).toBeDefined();
			expect(current!.prompt, item.id).toEqual(item.prompt);
			expect(current!.answer, item.id).toEqual(item.answer);
			expect(current!.citations.map((c) => c.sentenceId)).toEqual(item.citedSentenceIds);
		}
	});
});
