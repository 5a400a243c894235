import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/databases';
import { readSourceFiles, syncSources } from '../../src/lib/server/db/sources-sync';
import { regenerateContent } from '../../src/lib/server/content/store';
import { cachedCheckQuestion, cachedLessonPage, listCachedLessons, loadLessonCache } from '../../src/lib/server/content/lesson-cache';

const files = readSourceFiles(path.resolve('src/sources'));

describeEachDatabase('lesson views in the cache', (getDb) => {
	it('renders each lesson by section with check prompts that carry no answer, graded from the server copy', async () => {
		const { db } = getDb().handle;
		await syncSources(db, files);
		await regenerateContent(db, { files });
		await loadLessonCache(db);
		for (const { id } of listCachedLessons()) {
			const view = cachedLessonPage(id)!;
			expect(view.sections.length, id).toBeGreaterThan(0);
			for (const section of view.sections) {
				const html = section.html;
				expect(html, `${id} ${section.id}`).toContain(`id="${section.id}-heading"`);
				// the marker after a sentence names its source and section
				expect(html).toMatch(/<a class="cite" href="\/sources\/[^"]+\?from=[^"]+&amp;s=[^"]+#s-[^"]+"( id="cite-[^"]+")? aria-label="source \d: [^"]+, [^"]+">\d<\/a>/);
				for (const check of section.checks) {
					expect(JSON.stringify(check)).not.toMatch(/correct|accepted|"answer"/);
					expect(cachedCheckQuestion(id, check.id)?.answer).toBeDefined();
				}
			}
			// the course page lists the objectives the lesson covers, the same the lesson lists
			expect(listCachedLessons().find((l) => l.id === id)!.objectives.map((o) => o.id)).toEqual(view.objectives.map((o) => o.id));
		}
		// a question of another lesson is not a check question here
		const [first, second] = listCachedLessons();
		const foreign = cachedLessonPage(second.id)!.sections[0].checks[0].id;
		expect(cachedCheckQuestion(first.id, foreign)).toBeUndefined();
	});
});
