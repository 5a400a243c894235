import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { attemptAnswers, lessonProgress, questions, questionVersions, quizAttempts } from '../../src/lib/server/db/schema';
import type { Database } from '../../src/lib/server/db/client';
import {
	loadAttemptForTaking,
	saveResponses,
	startOrResumeAttempt
} from '../../src/lib/server/quiz/attempts';
import { submitAttempt } from '../../src/lib/server/quiz/submit';
import { loadAttemptResults } from '../../src/lib/server/quiz/results';
import { QuizRequestError } from '../../src/lib/server/quiz/errors';
import { answerFieldName } from '../../src/lib/quiz/responses';
import { describeEachDatabase } from '../helpers/databases';
import { answerForm, createLessonWithQuestions, createUser, reader, sampleShown } from '../helpers/quiz-factories';

async function snapshot(db: Database, attemptId: string) {
	const [attempt] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
	const answers = await db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId)).orderBy(attemptAnswers.position);
	return { attempt, answers };
}

async function expectRefused(promise: Promise<unknown>, status: number, message: RegExp) {
	const error = await promise.then(() => null, (e: unknown) => e);
	expect(error).toBeInstanceOf(QuizRequestError);
	expect((error as QuizRequestError).status).toBe(status);
	expect((error as QuizRequestError).message).toMatch(message);
}

describeEachDatabase('quiz attempt lifecycle', (getDb) => {
	it('starts an attempt of ten questions and resumes the same one, shown the same way', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 18 });
		const userId = await createUser(db);
		const started = await startOrResumeAttempt(db, userId, lesson.id);
		expect(started).toMatchObject({ attemptNumber: 1, resumed: false });
		const again = await startOrResumeAttempt(db, userId, lesson.id);
		expect(again).toEqual({ ...started, resumed: true });

		const shown = await loadAttemptForTaking(db, userId, started.id);
		expect(shown.questions).toHaveLength(10);
		expect(new Set(shown.questions.map((q) => q.prompt.type)).size).toBe(6);
		expect(await loadAttemptForTaking(db, userId, started.id)).toEqual(shown);
	});

	it('never puts answers or explanations in what the quiz page receives', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 12 });
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const page = JSON.stringify(await loadAttemptForTaking(db, userId, id));
		for (const secret of ['correctOptionId', 'accepted', '"correct"', 'tolerance', '"order"', 'explanation', 'Because the source says', 'Cited sentence']) {
			expect(page).not.toContain(secret);
		}
		// content ids are made from the answer: the page has keyed ones instead
		for (const question of lesson.questions) expect(page).not.toContain(question.id);
		const shown = await loadAttemptForTaking(db, userId, id);
		for (const q of shown.questions) {
			const choices = q.prompt.type === 'ordering' ? q.prompt.items : 'options' in q.prompt ? q.prompt.options : [];
			for (const choice of choices) expect(choice.id).toMatch(/^[oi]-[\w-]{16}$/);
		}
	});

	it('uses every question when the bank has fewer than ten', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 4 });
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const shown = await loadAttemptForTaking(db, userId, id);
		expect(shown.questions.map((q) => sampleShown(q, lesson).id).sort()).toEqual(lesson.questions.map((q) => q.id).sort());
	});

	it('twenty simultaneous starts make one open attempt', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const userId = await createUser(db);
		const results = await Promise.all(Array.from({ length: 20 }, () => startOrResumeAttempt(db, userId, lesson.id)));
		expect(new Set(results.map((r) => r.id)).size).toBe(1);
		const rows = await db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId));
		expect(rows).toHaveLength(1);
		expect(await db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, rows[0].id))).toHaveLength(10);
	});

	it('autosaves one answer at a time, shows it again on resume, and clears it when emptied', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const shown = await loadAttemptForTaking(db, userId, id);
		const form = answerForm(shown, lesson, () => true);
		const first = shown.questions[0];
		expect(await saveResponses(db, userId, id, reader(form), first.questionId)).toEqual({ saved: 1 });

		const resumed = await loadAttemptForTaking(db, userId, id);
		expect(resumed.questions[0].answered).toBe(true);
		expect(Object.keys(resumed.questions[0].saved).length).toBeGreaterThan(0);
		expect(resumed.questions.slice(1).every((q) => !q.answered)).toBe(true);

		// saving the whole form (the no-JavaScript "Save" button) stores every answer
		await saveResponses(db, userId, id, reader(form));
		expect((await loadAttemptForTaking(db, userId, id)).questions.every((q) => q.answered)).toBe(true);

		// an emptied text or an unselected choice clears the saved answer
		const emptied = Object.fromEntries(Object.keys(form).map((k) => [k, '']));
		await saveResponses(db, userId, id, reader(emptied), first.questionId);
		const after = await loadAttemptForTaking(db, userId, id);
		expect(after.questions[0].answered).toBe(false);
		const [row] = (await snapshot(db, id)).answers;
		expect(row.response).toBeNull();
		expect(row.answeredAt).toBeNull();
	});

	it('grades on submit, stores the result, updates progress and shows answers with explanations', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const shown = await loadAttemptForTaking(db, userId, id);
		const result = await submitAttempt(db, userId, id, reader(answerForm(shown, lesson, (p) => p <= 6)));
		expect(result).toMatchObject({ score: 60, correctCount: 6, questionCount: 10, alreadySubmitted: false });

		const stored = await snapshot(db, id);
		expect(stored.attempt).toMatchObject({ state: 'submitted', score: 60, correctCount: 6 });
		expect(stored.answers.map((a) => a.fraction)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
		const [progress] = await db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId));
		expect(progress).toMatchObject({ attemptsSubmitted: 1, bestScore: 60, latestScore: 60 });

		const results = await loadAttemptResults(db, userId, id);
		if (results.state !== 'submitted') throw new Error('not submitted');
		expect(results.questions.map((q) => q.correct)).toEqual([true, true, true, true, true, true, false, false, false, false]);
		for (const q of results.questions) {
			expect(q.explanation).toMatch(/^Because the source says so/);
			expect(q.citations[0].sourceId).toBe('encyclopedia-project-gunrunner');
			expect(q.yourAnswer).not.toBe('No answer');
			if (q.correct) expect(q.yourAnswer.toLowerCase()).toBe(q.correctAnswer.toLowerCase());
			else expect(q.yourAnswer).not.toBe(q.correctAnswer);
		}

		// a retake starts attempt 2; best keeps the higher score, latest the newer one
		const retake = await startOrResumeAttempt(db, userId, lesson.id);
		expect(retake).toMatchObject({ attemptNumber: 2, resumed: false });
		await submitAttempt(db, userId, retake.id, reader(answerForm(await loadAttemptForTaking(db, userId, retake.id), lesson, (p) => p <= 3)));
		const [after] = await db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId));
		expect(after).toMatchObject({ attemptsSubmitted: 2, bestScore: 60, latestScore: 30 });
	});

	it('submits the answers saved earlier when the submit form carries none', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const shown = await loadAttemptForTaking(db, userId, id);
		await saveResponses(db, userId, id, reader(answerForm(shown, lesson, (p) => p % 2 === 0)));
		expect(await submitAttempt(db, userId, id)).toMatchObject({ score: 50, correctCount: 5 });
	});

	it('a resent submission returns the first result and changes nothing', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const shown = await loadAttemptForTaking(db, userId, id);
		const first = await submitAttempt(db, userId, id, reader(answerForm(shown, lesson, (p) => p <= 4)));
		const before = await snapshot(db, id);
		const again = await submitAttempt(db, userId, id, reader(answerForm(shown, lesson, () => true)));
		expect(again).toEqual({ ...first, alreadySubmitted: true });
		expect(await snapshot(db, id)).toEqual(before);
	});
});

describeEachDatabase('quiz bad input', (getDb) => {
	it('refuses an unknown lesson and a lesson without questions', async () => {
		const { db } = getDb().handle;
		const userId = await createUser(db);
		await expectRefused(startOrResumeAttempt(db, userId, 'no-such-lesson'), 404, /No such lesson/);
		const empty = await createLessonWithQuestions(db, { questionCount: 0 });
		await expectRefused(startOrResumeAttempt(db, userId, empty.id), 404, /reading lesson: it has no quiz/);
		expect(await db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId))).toEqual([]);
	});

	it('refuses answers for a question not in the attempt, bad options, over-long text: nothing changes', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 20 });
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const shown = await loadAttemptForTaking(db, userId, id);
		const good = answerForm(shown, lesson, () => true);
		await saveResponses(db, userId, id, reader(good), shown.questions[1].questionId);
		const before = await snapshot(db, id);

		const notInAttempt = lesson.questions.find((q) => !shown.questions.some((s) => sampleShown(s, lesson).id === q.id))!;
		await expectRefused(saveResponses(db, userId, id, reader(good), notInAttempt.id), 400, /not part of this attempt/);
		await expectRefused(saveResponses(db, userId, id, reader(good), 'no-such-question'), 400, /not part of this attempt/);

		const choice = shown.questions.find((q) => q.prompt.type === 'multiple_choice' || q.prompt.type === 'attribution')!;
		const badOption = { ...good, [answerFieldName(choice.position)]: 'not-an-option' };
		await expectRefused(saveResponses(db, userId, id, reader(badOption)), 400, /not one of the choices/);
		await expectRefused(submitAttempt(db, userId, id, reader(badOption)), 400, /not one of the choices/);

		const text = shown.questions.find((q) => q.prompt.type === 'fill_blank')!;
		const tooLong = { ...good, [answerFieldName(text.position)]: 'x'.repeat(5000) };
		await expectRefused(saveResponses(db, userId, id, reader(tooLong), text.questionId), 400, /longer than 200/);
		await expectRefused(submitAttempt(db, userId, id, reader(tooLong)), 400, /longer than 200/);

		expect(await snapshot(db, id)).toEqual(before);
		expect(await db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId))).toEqual([]);
	});

	it("refuses someone else's attempt and a closed attempt: nothing changes", async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const owner = await createUser(db);
		const other = await createUser(db);
		const { id } = await startOrResumeAttempt(db, owner, lesson.id);
		const shown = await loadAttemptForTaking(db, owner, id);
		const form = answerForm(shown, lesson, () => true);
		const before = await snapshot(db, id);

		await expectRefused(loadAttemptForTaking(db, other, id), 404, /No such quiz attempt/);
		await expectRefused(saveResponses(db, other, id, reader(form)), 404, /No such quiz attempt/);
		await expectRefused(submitAttempt(db, other, id, reader(form)), 404, /No such quiz attempt/);
		await expectRefused(loadAttemptResults(db, other, id), 404, /No such quiz attempt/);
		await expectRefused(submitAttempt(db, owner, 'no-such-attempt'), 404, /No such quiz attempt/);
		expect(await snapshot(db, id)).toEqual(before);

		await submitAttempt(db, owner, id, reader(form));
		const closed = await snapshot(db, id);
		await expectRefused(saveResponses(db, owner, id, reader({})), 409, /already been submitted/);
		expect(await snapshot(db, id)).toEqual(closed);
	});

	it('grades by the question version drawn, even after a newer version becomes current (and is cached)', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 6 });
		const [early, late] = [await createUser(db), await createUser(db)];
		const first = await startOrResumeAttempt(db, early, lesson.id);
		const form = answerForm(await loadAttemptForTaking(db, early, first.id), lesson, () => true);
		// grade one attempt so version 1 of every question is in memory
		const warm = await startOrResumeAttempt(db, late, lesson.id);
		await submitAttempt(db, late, warm.id, reader(answerForm(await loadAttemptForTaking(db, late, warm.id), lesson, () => true)));
		// version 2 of the multiple-choice question moves the right answer to another option
		const mc = lesson.questions.find((q) => q.prompt.type === 'multiple_choice')!;
		await db.insert(questionVersions).values({
			questionId: mc.id,
			version: 2,
			prompt: mc.prompt,
			answer: { type: 'multiple_choice', correctOptionId: 'a' },
			explanation: 'Changed.',
			citations: [],
			contentHash: `${mc.id}-v2`
		});
		await db.update(questions).set({ currentVersion: 2 }).where(eq(questions.id, mc.id));
		// the open attempt drew version 1: its right answers stay right
		expect(await submitAttempt(db, early, first.id, reader(form))).toMatchObject({ score: 100 });
		// a new attempt draws version 2, and the old right answer is now wrong
		const retake = await startOrResumeAttempt(db, early, lesson.id);
		const shown = await loadAttemptForTaking(db, early, retake.id);
		const oldRight = answerForm(shown, lesson, () => true);
		const result = await submitAttempt(db, early, retake.id, reader(oldRight));
		expect(result.correctCount).toBe(shown.questions.length - 1);
	});

	it('refuses an attempt posted under another lesson or an unknown lesson: nothing changes', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const otherLesson = await createLessonWithQuestions(db, { questionCount: 6 });
		const owner = await createUser(db);
		const { id } = await startOrResumeAttempt(db, owner, lesson.id);
		const form = answerForm(await loadAttemptForTaking(db, owner, id), lesson, () => true);
		const before = await snapshot(db, id);

		for (const wrongLesson of [otherLesson.id, 'nope']) {
			await expectRefused(saveResponses(db, owner, id, reader(form), undefined, wrongLesson), 404, /No such quiz attempt for this lesson/);
			await expectRefused(submitAttempt(db, owner, id, reader(form), wrongLesson), 404, /No such quiz attempt for this lesson/);
		}
		expect(await snapshot(db, id)).toEqual(before);
		// under its own lesson the same form goes through
		expect(await submitAttempt(db, owner, id, reader(form), lesson.id)).toMatchObject({ alreadySubmitted: false, score: 100 });
	});
});
