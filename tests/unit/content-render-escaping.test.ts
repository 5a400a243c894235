import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LessonBody from '../../src/lib/components/LessonBody.svelte';
import { seedContent, seedSources } from '../helpers/seed-content';

// The lesson page inserts this pre-rendered HTML with {@html}: a source's text must arrive escaped.
describe('pre-rendered lesson bodies', () => {
	it('escape markup written in a source document', () => {
		const sources = seedSources;
		const [generated] = seedContent().lessons;
		// every text the body shows (passages, timeline, figures, perspectives) now carries markup
		const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
		const lesson = JSON.parse(JSON.stringify(generated).replaceAll('Project Gunrunner', hostile.replaceAll('"', '\\"')));
		expect(JSON.stringify(lesson)).toContain('<script>');
		const sourceTitles = Object.fromEntries(sources.map((s) => [s.id, s.title]));
		const html = render(LessonBody, { props: { lesson, sourceTitles } }).body;
		expect(html).not.toContain('<script>alert');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('&lt;script>');
	});
});
