import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { lessonProgress, quizAttempts } from '../../src/lib/server/db/schema';
import { selectRows } from '../../src/lib/server/db/client';
import { loadAttemptForTaking, startOrResumeAttempt } from '../../src/lib/server/quiz/attempts';
import { submitAttempt } from '../../src/lib/server/quiz/submit';
import { describeEachDatabase } from '../helpers/databases';
import { answerForm, createLessonWithQuestions, createUser, createUsers, reader } from '../helpers/quiz-factories';

describeEachDatabase('quiz submissions under load', (getDb) => {
	it('50 identical submissions at once record one submission and all show the same result', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const form = answerForm(await loadAttemptForTaking(db, userId, id), lesson, (p) => p <= 7);

		const results = await Promise.all(Array.from({ length: 50 }, () => submitAttempt(db, userId, id, reader(form))));
		expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
		expect(new Set(results.map((r) => `${r.score}/${r.correctCount}`))).toEqual(new Set(['70/7']));

		const [progress] = await db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId));
		expect(progress).toMatchObject({ attemptsSubmitted: 1, bestScore: 70, latestScore: 70 });
		expect(await db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId))).toHaveLength(1);
	});

	it('200 learners submitting at once all get their attempts stored and graded', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const learners = await createUsers(db, 200);
		const prepared = await Promise.all(
			learners.map(async (userId, i) => {
				const { id } = await startOrResumeAttempt(db, userId, lesson.id);
				// learner i answers (i % 11) questions right, so scores differ between learners
				const right = i % 11;
				const form = answerForm(await loadAttemptForTaking(db, userId, id), lesson, (p) => p <= right);
				return { userId, id, form, expected: right * 10 };
			})
		);

		const results = await Promise.all(prepared.map((p) => submitAttempt(db, p.userId, p.id, reader(p.form))));
		expect(results.map((r) => r.score)).toEqual(prepared.map((p) => p.expected));

		const stored = await selectRows<{ submitted: number; graded: number; progress: number }>(
			db,
			sql`select
				(select count(*)::int from quiz_attempts where lesson_id = ${lesson.id} and state = 'submitted') as submitted,
				(select count(*)::int from attempt_answers a join quiz_attempts q on q.id = a.attempt_id
					where q.lesson_id = ${lesson.id} and a.fraction is not null) as graded,
				(select count(*)::int from lesson_progress where lesson_id = ${lesson.id} and attempts_submitted = 1) as progress`
		);
		expect(stored).toEqual([{ submitted: 200, graded: 2000, progress: 200 }]);
	});
});
