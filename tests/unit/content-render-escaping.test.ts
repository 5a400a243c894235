import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LessonBody from '../../src/lib/components/LessonBody.svelte';
import type { GeneratedContent } from '../../src/lib/content/generate';
import { structureLesson } from '../../src/lib/content/lesson-structure';
import { seedContent } from '../helpers/seed-content';

// The lesson page inserts this pre-rendered HTML with {@html}: a source's text must arrive escaped.
describe('pre-rendered lesson bodies', () => {
	it('escape markup written in a source document', () => {
		const content = seedContent();
		// every text the body shows (key terms, passages, timeline, figures, perspectives) now carries markup
		const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
		const { lessons, analysed, questions }: GeneratedContent = JSON.parse(
			JSON.stringify(content).replaceAll('Project Gunrunner', hostile.replaceAll('"', '\\"'))
		);
		const lesson = lessons[0];
		expect(JSON.stringify(lesson)).toContain('<script>');
		const structure = structureLesson(
			lesson,
			analysed.map((a) => ({ id: a.source.id, title: a.source.title, sentences: a.sentences })),
			questions.filter((q) => q.lessonId === lesson.id)
		);
		const parts = ['intro' as const, 'outro' as const, ...structure.sections.map((_, i) => i)];
		const html = parts.map((part) => render(LessonBody, { props: { lesson, structure, part } }).body).join('');
		expect(html).not.toContain('<script>alert');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('&lt;script>');
	});
});
