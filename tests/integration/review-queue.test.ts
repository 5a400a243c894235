import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { attemptAnswers, quizAttempts, reviewCards, reviewLogs } from '../../src/lib/server/db/schema';
import type { Database } from '../../src/lib/server/db/client';
import { loadAttemptForTaking, saveResponses, startOrResumeAttempt } from '../../src/lib/server/quiz/attempts';
import { submitAttempt } from '../../src/lib/server/quiz/submit';
import { QuizRequestError } from '../../src/lib/server/quiz/errors';
import { answerReview, dueReviewCount, nextDueItem, practiceItem, practiceLink, reviewQueueStatus, type ReviewItem } from '../../src/lib/server/review/queue';
import { answerKeySecret } from '../../src/lib/server/installation-secret';
import { responseFieldValues } from '../../src/lib/quiz/responses';
import { describeEachDatabase } from '../helpers/databases';
import { answerForm, createLessonWithQuestions, createUser, onPage, reader, sampleShown, type SampleLesson } from '../helpers/quiz-factories';

async function expectRefused(promise: Promise<unknown>, status: number, message: RegExp) {
	const error = await promise.then(() => null, (e: unknown) => e);
	expect(error).toBeInstanceOf(QuizRequestError);
	expect((error as QuizRequestError).status).toBe(status);
	expect((error as QuizRequestError).message).toMatch(message);
}

/** A learner who took the lesson's quiz and got the questions at `missed` positions wrong. */
async function learnerWhoMissed(db: Database, lesson: SampleLesson, missed: (position: number) => boolean) {
	const userId = await createUser(db);
	const { id } = await startOrResumeAttempt(db, userId, lesson.id);
	const shown = await loadAttemptForTaking(db, userId, id);
	await submitAttempt(db, userId, id, reader(answerForm(shown, lesson, (p) => !missed(p))));
	const missedIds = shown.questions.filter((q) => missed(q.position)).map((q) => sampleShown(q, lesson).id);
	return { userId, attemptId: id, shown, missedIds };
}

/** The sample question a review item shows (the page carries no content id: found by its stem). */
const sampleOf = (lesson: SampleLesson, item: ReviewItem) => lesson.questions.find((q) => q.prompt.stem === item.prompt.stem)!;

const formFor = (lesson: SampleLesson, item: ReviewItem, right: boolean) => {
	const sample = sampleOf(lesson, item);
	return reader(responseFieldValues(item.prompt, 1, onPage(right ? sample.right : sample.wrong, sample, item.prompt)));
};

/** The link "Questions you miss most" gives, reduced to its sealed question reference. */
async function practiceRef(db: Database, questionId: string): Promise<string> {
	return decodeURIComponent(practiceLink(await answerKeySecret(db), questionId).split('question=')[1]);
}

async function cardsOf(db: Database, userId: string) {
	return db.select().from(reviewCards).where(eq(reviewCards.userId, userId));
}

describeEachDatabase('spaced review queue', (getDb) => {
	it('puts the questions missed in a quiz in the learner’s queue, due at once, and nothing answered right', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const { userId, missedIds } = await learnerWhoMissed(db, lesson, (p) => p > 7);
		expect(missedIds).toHaveLength(3);
		const cards = await cardsOf(db, userId);
		expect(cards.map((c) => c.questionId).sort()).toEqual([...missedIds].sort());
		expect(cards.every((c) => c.reason === 'missed' && c.reps === 0)).toBe(true);
		expect(await dueReviewCount(db, userId)).toBe(3);
		expect(await reviewQueueStatus(db, userId)).toMatchObject({ due: 3, total: 3, nextDue: null });
		// another learner's queue is their own
		expect(await dueReviewCount(db, await createUser(db))).toBe(0);
	});

	it('serves due questions without their answers, grades an answer on the server and reschedules it once', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const { userId } = await learnerWhoMissed(db, lesson, (p) => p <= 2);
		const item = await nextDueItem(db, userId);
		expect(item).not.toBeNull();
		const shown = JSON.stringify(item);
		for (const secret of ['correctOptionId', 'accepted', '"correct"', 'tolerance', '"order"', 'explanation', 'Because the source says']) {
			expect(shown).not.toContain(secret);
		}
		// content ids derive from answers: neither the question's nor an option's is on the page
		for (const sample of lesson.questions) {
			expect(shown).not.toContain(sample.id);
			const choices = sample.prompt.type === 'ordering' ? sample.prompt.items : 'options' in sample.prompt ? sample.prompt.options : [];
			for (const choice of choices) expect(shown).not.toContain(`"${choice.id}"`);
		}
		const itemId = sampleOf(lesson, item!).id;

		const t0 = new Date();
		const result = await answerReview(db, userId, item!.ref, formFor(lesson, item!, true), t0);
		expect(result.feedback.correct).toBe(true);
		expect(result.alreadyAnswered).toBe(false);
		expect(result.feedback.cited).toHaveLength(1);
		expect(result.comesBack).toMatch(/^in \d+ minutes$/);
		const [card] = await db.select().from(reviewCards).where(and(eq(reviewCards.userId, userId), eq(reviewCards.questionId, itemId)));
		expect(card.reps).toBe(1);
		expect(card.due.getTime()).toBeGreaterThan(t0.getTime());
		expect(await dueReviewCount(db, userId, t0)).toBe(1);

		// the same form posted again (a double click, a resent page) is not counted twice
		const again = await answerReview(db, userId, item!.ref, formFor(lesson, item!, true), t0);
		expect(again.alreadyAnswered).toBe(true);
		const [same] = await db.select().from(reviewCards).where(and(eq(reviewCards.userId, userId), eq(reviewCards.questionId, itemId)));
		expect(same.reps).toBe(1);
		expect(await db.select().from(reviewLogs).where(eq(reviewLogs.userId, userId))).toHaveLength(1);

		// the other one, answered wrong: it comes back soon, with the correct answer shown now
		const next = await nextDueItem(db, userId, t0);
		expect(sampleOf(lesson, next!).id).not.toBe(itemId);
		const wrong = await answerReview(db, userId, next!.ref, formFor(lesson, next!, false), t0);
		expect(wrong.feedback.correct).toBe(false);
		expect(wrong.feedback.correctAnswer).not.toBe(wrong.feedback.yourAnswer);
		expect(await nextDueItem(db, userId, t0)).toBeNull();
		expect((await reviewQueueStatus(db, userId, t0)).nextDue).not.toBeNull();
		const logs = await db.select().from(reviewLogs).where(eq(reviewLogs.userId, userId));
		expect(logs.map((l) => [l.fraction, l.rating]).sort()).toEqual([[0, 1], [1, 3]]);
	});

	it('refuses a blank answer, a forged or altered reference and someone else’s question, changing nothing', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const { userId, missedIds } = await learnerWhoMissed(db, lesson, (p) => p === 1);
		const item = (await nextDueItem(db, userId))!;
		await expectRefused(answerReview(db, userId, item.ref, () => null), 400, /answer first/);
		// a content id, or a sealed reference with one character changed, is not a reference this server made
		await expectRefused(answerReview(db, userId, missedIds[0], formFor(lesson, item, true)), 400, /out of date/);
		const altered = item.ref.slice(0, -3) + (item.ref.at(-3) === 'A' ? 'B' : 'A') + item.ref.slice(-2);
		await expectRefused(answerReview(db, userId, altered, formFor(lesson, item, true)), 400, /out of date/);
		await expectRefused(practiceItem(db, userId, missedIds[0]), 404, /not among/);
		const stranger = await createUser(db);
		await expectRefused(answerReview(db, stranger, item.ref, formFor(lesson, item, true)), 404, /not among/);
		await expectRefused(practiceItem(db, stranger, await practiceRef(db, missedIds[0])), 404, /not among/);
		const [card] = await cardsOf(db, userId);
		expect(card.reps).toBe(0);
		expect(await cardsOf(db, stranger)).toEqual([]);
		expect(await db.select().from(reviewLogs).where(eq(reviewLogs.userId, userId))).toEqual([]);
	});

	it('counts a retake’s answer to a queued question as a review: right pushes it out, wrong brings it back', async () => {
		const { db } = getDb().handle;
		// ten questions: the retake asks the same ones
		const lesson = await createLessonWithQuestions(db, { questionCount: 10 });
		const { userId, missedIds } = await learnerWhoMissed(db, lesson, (p) => p <= 4);
		const retake = await startOrResumeAttempt(db, userId, lesson.id);
		const shown = await loadAttemptForTaking(db, userId, retake.id);
		const rightNow = new Set(missedIds.slice(0, 2));
		await submitAttempt(db, userId, retake.id, reader(answerForm(shown, lesson, (p) => rightNow.has(sampleShown(shown.questions[p - 1], lesson).id))));
		const cards = new Map((await cardsOf(db, userId)).map((c) => [c.questionId, c]));
		for (const id of missedIds) {
			const card = cards.get(id)!;
			expect(card.reps, id).toBe(1);
			if (rightNow.has(id)) expect(card.lapses).toBe(0);
		}
		// the queued ones were just reviewed, so not due now; the six missed for the first time are
		expect(cards.size).toBe(10);
		expect(await dueReviewCount(db, userId)).toBe(6);
		const rightAgain = missedIds.filter((id) => rightNow.has(id)).map((id) => cards.get(id)!.due.getTime());
		const wrongAgain = missedIds.filter((id) => !rightNow.has(id)).map((id) => cards.get(id)!.due.getTime());
		expect(Math.min(...rightAgain)).toBeGreaterThan(Math.max(...wrongAgain));
	});

	it('lets a learner practise a question they missed, which enters the queue when answered', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const { userId, missedIds } = await learnerWhoMissed(db, lesson, (p) => p === 3);
		// as if it had been missed before the queue existed
		await db.delete(reviewCards).where(eq(reviewCards.userId, userId));
		const item = await practiceItem(db, userId, await practiceRef(db, missedIds[0]));
		expect(sampleOf(lesson, item).id).toBe(missedIds[0]);
		await answerReview(db, userId, item.ref, formFor(lesson, item, true));
		const [card] = await cardsOf(db, userId);
		expect(card).toMatchObject({ questionId: missedIds[0], reps: 1 });
	});

	it('puts a right answer that took long (saved one at a time) in the queue rated Hard, and no other right one', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db);
		const userId = await createUser(db);
		const { id } = await startOrResumeAttempt(db, userId, lesson.id);
		const shown = await loadAttemptForTaking(db, userId, id);
		await saveResponses(db, userId, id, reader(answerForm(shown, lesson, () => true)));
		// as autosave records them: 30 s apart, but question 3 took four minutes
		const [attempt] = await db.select({ startedAt: quizAttempts.startedAt }).from(quizAttempts).where(eq(quizAttempts.id, id));
		let at = attempt.startedAt.getTime();
		for (const q of shown.questions) {
			at += q.position === 3 ? 4 * 60_000 : 30_000;
			await db.update(attemptAnswers).set({ answeredAt: new Date(at) }).where(and(eq(attemptAnswers.attemptId, id), eq(attemptAnswers.position, q.position)));
		}
		await submitAttempt(db, userId, id);
		const cards = await cardsOf(db, userId);
		expect(cards.map((c) => [c.questionId, c.reason, c.reps])).toEqual([[sampleShown(shown.questions[2], lesson).id, 'slow', 1]]);
	});

	it('starts a retake on sentences the learner has not been asked while the bank allows', async () => {
		const { db } = getDb().handle;
		// 18 questions on 18 sentences: a quiz of ten leaves eight unseen
		const lesson = await createLessonWithQuestions(db, { questionCount: 18 });
		const { userId, shown } = await learnerWhoMissed(db, lesson, () => false);
		const first = new Set(shown.questions.map((q) => sampleShown(q, lesson).id));
		const retake = await loadAttemptForTaking(db, userId, (await startOrResumeAttempt(db, userId, lesson.id)).id);
		expect(retake.questions).toHaveLength(10);
		expect(retake.questions.filter((q) => !first.has(sampleShown(q, lesson).id))).toHaveLength(8);
	});
});
