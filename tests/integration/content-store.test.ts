import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/databases';
import { attemptAnswers, lessons, questions, questionVersions, quizAttempts, sources, users } from '../../src/lib/server/db/schema';
import { readSourceFiles, syncSources } from '../../src/lib/server/db/sources-sync';
import { contentIsCurrent, regenerateContent, storeContent, toSourceInputs } from '../../src/lib/server/content/store';
import { cachedLesson, cachedSourceView, listCachedLessons, loadLessonCache } from '../../src/lib/server/content/lesson-cache';
import type { GeneratedContent } from '../../src/lib/content/generate';
import { seedContent } from '../helpers/seed-content';

const files = readSourceFiles(path.resolve('src/sources'));
let generated: GeneratedContent;
beforeAll(() => {
	generated = seedContent();
});

describeEachDatabase('content store', (getDb) => {
	it('stores lessons and questions, then skips regeneration when nothing changed', async () => {
		const { db } = getDb().handle;
		await syncSources(db, files);
		const first = await regenerateContent(db, { files });
		expect(first.regenerated).toBe(true);
		expect(first.result?.questions).toBe(generated.questions.length);
		expect(await contentIsCurrent(db, first.inputsHash)).toBe(true);
		const second = await regenerateContent(db, { files });
		expect(second.regenerated).toBe(false);
		const stored = await db.select({ id: questions.id, v: questions.currentVersion }).from(questions);
		expect(stored).toHaveLength(generated.questions.length);
		expect(stored.every((q) => q.v === 1)).toBe(true);
	});

	it('gives a changed question a new version, keeps the attempt on the version the learner saw, and retires what is gone', async () => {
		const { db } = getDb().handle;
		const [target, dropped] = generated.questions;
		await db.insert(users).values({ id: 'u1', email: 'learner@example.org', displayName: 'Learner', role: 'student', passwordHash: 'x' });
		await db.insert(quizAttempts).values({ id: 'a1', userId: 'u1', lessonId: target.lessonId, attemptNumber: 1, seed: 1, questionCount: 1 });
		await db.insert(attemptAnswers).values({ attemptId: 'a1', position: 0, questionId: target.id, questionVersion: 1 });

		const changed: GeneratedContent = {
			...generated,
			questions: generated.questions
				.filter((q) => q.id !== dropped.id)
				.map((q) => (q.id === target.id ? { ...q, explanation: `${q.explanation} (reworded)` } : q))
		};
		const result = await storeContent(db, changed);
		expect(result).toMatchObject({ newVersions: 1, newQuestions: 0, retiredQuestions: 1 });

		const versions = await db.select().from(questionVersions).where(eq(questionVersions.questionId, target.id));
		expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
		expect(versions.find((v) => v.version === 1)?.explanation).toBe(target.explanation);
		const [row] = await db.select().from(questions).where(eq(questions.id, target.id));
		expect(row.currentVersion).toBe(2);
		const [answer] = await db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, 'a1'));
		expect(answer.questionVersion).toBe(1);
		const [gone] = await db.select().from(questions).where(eq(questions.id, dropped.id));
		expect(gone.active).toBe(false);

		// back to the original text: the known version becomes current again, no third version
		await storeContent(db, generated);
		const [restored] = await db.select().from(questions).where(and(eq(questions.id, target.id), eq(questions.active, true)));
		expect(restored.currentVersion).toBe(1);
		expect(await db.select().from(questionVersions).where(eq(questionVersions.questionId, target.id))).toHaveLength(2);
	});

	it('retires a lesson no longer generated without deleting it, and serves lessons from memory', async () => {
		const { db } = getDb().handle;
		const last = generated.lessons.at(-1)!;
		await storeContent(db, {
			...generated,
			lessons: generated.lessons.slice(0, -1),
			questions: generated.questions.filter((q) => q.lessonId !== last.id)
		});
		const [retired] = await db.select().from(lessons).where(eq(lessons.id, last.id));
		expect(retired.active).toBe(false);
		await loadLessonCache(db);
		expect(listCachedLessons().map((l) => l.id)).toEqual(generated.lessons.slice(0, -1).map((l) => l.id));
		expect(cachedLesson(last.id)).toBeUndefined();
		await storeContent(db, generated);
		await loadLessonCache(db);
		expect(cachedLesson(last.id)?.title).toBe(last.title);
		const view = cachedSourceView('encyclopedia-project-gunrunner');
		const sentenceIds = view!.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.id)));
		for (const lesson of generated.lessons)
			for (const passage of lesson.passages.filter((p) => p.sourceId === view!.id))
				for (const c of passage.sentences) expect(sentenceIds).toContain(c.sentenceId);
	});

	it('serves the source viewer the sentences stored with the content, without segmenting again', async () => {
		const { db } = getDb().handle;
		const [row] = await db.select({ view: sources.view }).from(sources).where(eq(sources.id, 'nbc-gunrunner-misfires'));
		expect(row.view?.sections.length).toBeGreaterThan(0);
		// what is stored is what is served: a stored view that segmenting would never produce
		await db.update(sources).set({ view: { sections: [{ id: 'stored', title: 'Stored at generation', paragraphs: [] }] } }).where(eq(sources.id, 'nbc-gunrunner-misfires'));
		await loadLessonCache(db);
		expect(cachedSourceView('nbc-gunrunner-misfires')?.sections.map((s) => s.title)).toEqual(['Stored at generation']);
	});
});
