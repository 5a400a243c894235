import { expect, it } from 'vitest';
import { loadAttemptForTaking, startOrResumeAttempt } from '../../src/lib/server/quiz/attempts';
import { submitAttempt } from '../../src/lib/server/quiz/submit';
import { QuizRequestError } from '../../src/lib/server/quiz/errors';
import { lessonProgressSummaries, lessonProgressSummary, loadProgressOverview, markLessonRead } from '../../src/lib/server/progress';
import { describeEachDatabase } from '../helpers/databases';
import { answerForm, createLessonWithQuestions, createUser, reader, sampleShown } from '../helpers/quiz-factories';

describeEachDatabase('learner progress', (getDb) => {
	it('marks a lesson read once, and refuses an unknown lesson', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const userId = await createUser(db);
		expect((await lessonProgressSummary(db, userId, lesson.id)).readAt).toBeNull();
		const first = await markLessonRead(db, userId, lesson.id);
		const second = await markLessonRead(db, userId, lesson.id);
		expect(second).toEqual(first);
		expect((await lessonProgressSummary(db, userId, lesson.id)).readAt).toEqual(first);
		const error = await markLessonRead(db, userId, 'nope').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(QuizRequestError);
		expect((error as QuizRequestError).status).toBe(404);
	});

	it('summarises read, best score, mastery and an open attempt per lesson', async () => {
		const { db } = getDb().handle;
		const a = await createLessonWithQuestions(db, { position: 1 });
		const b = await createLessonWithQuestions(db, { position: 2 });
		const userId = await createUser(db);
		await markLessonRead(db, userId, a.id);
		const { id } = await startOrResumeAttempt(db, userId, a.id);
		await submitAttempt(db, userId, id, reader(answerForm(await loadAttemptForTaking(db, userId, id), a, (p) => p <= 8)));
		await startOrResumeAttempt(db, userId, b.id);

		const summaries = await lessonProgressSummaries(db, userId);
		expect(summaries[a.id]).toMatchObject({ attemptsSubmitted: 1, bestScore: 80, latestScore: 80, mastery: 0.8, hasOpenAttempt: false });
		expect(summaries[a.id].readAt).toBeInstanceOf(Date);
		expect(summaries[b.id]).toMatchObject({ readAt: null, attemptsSubmitted: 0, bestScore: null, mastery: null, hasOpenAttempt: true });
		// the one-lesson summary the lesson and quiz pages use (one prepared statement) says the same
		for (const lesson of [a, b]) expect(await lessonProgressSummary(db, userId, lesson.id), lesson.id).toEqual(summaries[lesson.id]);
		const untouched = await createLessonWithQuestions(db, { position: 3 });
		expect(await lessonProgressSummary(db, userId, untouched.id)).toEqual({ readAt: null, attemptsSubmitted: 0, bestScore: null, latestScore: null, mastery: null, hasOpenAttempt: false });
		// a retake: mastery over recent attempts, the same both ways
		const retake = await startOrResumeAttempt(db, userId, a.id);
		await submitAttempt(db, userId, retake.id, reader(answerForm(await loadAttemptForTaking(db, userId, retake.id), a, (p) => p <= 3)));
		const after = await lessonProgressSummaries(db, userId, [a.id]);
		expect(after[a.id]).toMatchObject({ attemptsSubmitted: 2, bestScore: 80, latestScore: 30 });
		expect(await lessonProgressSummary(db, userId, a.id)).toEqual(after[a.id]);
		// and another learner's history is not theirs
		expect(await lessonProgressSummary(db, await createUser(db), a.id)).toMatchObject({ attemptsSubmitted: 0, mastery: null, readAt: null });
	});

	it('builds the progress page: mastery per objective, scores over time, most-missed questions with their sources', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 10, objectiveCount: 2 });
		const other = await createLessonWithQuestions(db, { position: 2 });
		const userId = await createUser(db);
		const scores: number[] = [];
		for (const right of [2, 6]) {
			const { id } = await startOrResumeAttempt(db, userId, lesson.id);
			const shown = await loadAttemptForTaking(db, userId, id);
			// the same questions are wrong in both attempts: their ids sort last
			const wrongIds = new Set(lesson.questions.map((q) => q.id).sort().slice(right));
			const form = answerForm(shown, lesson, (p) => !wrongIds.has(sampleShown(shown.questions[p - 1], lesson).id));
			scores.push((await submitAttempt(db, userId, id, reader(form))).score);
		}
		expect(scores).toEqual([20, 60]);

		const overview = await loadProgressOverview(db, userId);
		const first = overview.lessons.find((l) => l.id === lesson.id)!;
		const untouched = overview.lessons.find((l) => l.id === other.id)!;
		expect(first.attempts.map((a) => a.score)).toEqual([20, 60]);
		expect(first).toMatchObject({ bestScore: 60, latestScore: 60, attemptsSubmitted: 2, mastery: 0.4 });
		// objective 1 holds even-numbered questions, objective 2 odd ones (10 each over two attempts)
		const perObjective = first.objectives.map((o) => [o.answered, o.correct]);
		expect(perObjective.map(([answered]) => answered)).toEqual([10, 10]);
		expect(perObjective.reduce((sum, [, correct]) => sum + correct, 0)).toBe(8);
		expect(untouched.objectives.every((o) => o.share === null)).toBe(true);

		expect(overview.scoresOverTime.map((s) => s.score)).toEqual([20, 60]);
		expect(overview.mostMissed).toHaveLength(5);
		expect(overview.mostMissed[0]).toMatchObject({ missed: 2, seen: 2, lessonTitle: `Lesson ${lesson.id}` });
		expect(overview.mostMissed[0].stem).not.toBe('');
		expect(overview.mostMissed[0].citation?.sourceId).toBe('encyclopedia-project-gunrunner');
	});

	it('shows nothing but the lessons to a learner with no history', async () => {
		const { db } = getDb().handle;
		const userId = await createUser(db);
		const overview = await loadProgressOverview(db, userId);
		expect(overview.scoresOverTime).toEqual([]);
		expect(overview.mostMissed).toEqual([]);
		expect(overview.lessons.every((l) => l.attemptsSubmitted === 0 && l.readAt === null)).toBe(true);
	});
});
