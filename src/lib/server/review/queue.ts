import { and, asc, count, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { attemptAnswers, lessons, questions, quizAttempts, reviewCards, reviewLogs } from '../db/schema';
import type { QuestionPrompt, QuestionResponse } from '../../content/question-types';
import { gradeResponse, isCorrect } from '../../quiz/grade';
import { presentPrompt } from '../../quiz/present';
import { mapResponseIds, opaqueQuestion, openReference, sealReference, type OpaqueKey } from '../../quiz/opaque';
import { answerKeySecret } from '../installation-secret';
import { promptText, type PromptText } from '../../quiz/stem';
import { deriveSeed } from '../../quiz/random';
import { readResponse } from '../../quiz/responses';
import {
	describeWhenDue,
	newCard,
	queueChangesFromQuiz,
	scheduleAnswer,
	type QuizOutcome,
	type StoredCard
} from '../../quiz/review-schedule';
import type { TeachingFeedback } from '../../quiz/feedback';
import { teachingFeedback } from '../learning/feedback';
import type { Executor } from '../quiz/attempts';
import { QuizRequestError } from '../quiz/errors';
import { questionVersionContents } from '../quiz/question-versions';

/** The learner's spaced-review queue: cards scheduled by FSRS (see `quiz/review-schedule.ts`). */

const cardColumns = {
	due: reviewCards.due,
	stability: reviewCards.stability,
	difficulty: reviewCards.difficulty,
	scheduledDays: reviewCards.scheduledDays,
	learningSteps: reviewCards.learningSteps,
	reps: reviewCards.reps,
	lapses: reviewCards.lapses,
	state: reviewCards.state,
	lastReview: reviewCards.lastReview
};

/** Cards whose question is still asked: a question retired by regeneration leaves the queue. */
const activeQuestion = eq(questions.active, true);

/** Questions to review now, and when the next one after those comes due (for the header and the page). */
export async function reviewQueueStatus(db: Database, userId: string, now = new Date()): Promise<{ due: number; nextDue: Date | null; total: number }> {
	const [row] = await db
		.select({
			due: sql<number>`count(*) filter (where ${reviewCards.due} <= ${now})`.mapWith(Number),
			nextDue: sql<Date | null>`min(${reviewCards.due}) filter (where ${reviewCards.due} > ${now})`.mapWith((v) => (v === null ? null : new Date(v))),
			total: count()
		})
		.from(reviewCards)
		.innerJoin(questions, eq(questions.id, reviewCards.questionId))
		.where(and(eq(reviewCards.userId, userId), activeQuestion));
	return { due: row?.due ?? 0, nextDue: row?.nextDue ?? null, total: row?.total ?? 0 };
}

/** Only the count of due questions: the header shows it on every signed-in page. */
export async function dueReviewCount(db: Database, userId: string, now = new Date()): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(reviewCards)
		.innerJoin(questions, eq(questions.id, reviewCards.questionId))
		.where(and(eq(reviewCards.userId, userId), lte(reviewCards.due, now), activeQuestion));
	return row?.n ?? 0;
}

export interface ReviewItem {
	/**
	 * Which question, version and review count the form answers, sealed: a content id is derived
	 * from the answer, so the page must not show it. The count makes a resent form count once.
	 */
	ref: string;
	lessonId: string;
	lessonTitle: string;
	/** options and items in an order of their own for this review; no answer in it */
	prompt: QuestionPrompt;
	text: PromptText;
}

interface ReviewTarget {
	questionId: string;
	version: number;
	reps: number;
}

/**
 * One review of one question as the page shows it: options in an order of their own (stable on
 * reload, new next time) and ids keyed like a quiz attempt's, so neither can be worked back to the
 * answer. `shown` is what the browser gets; `inContentIds` is the same order with the stored ids.
 */
function presentReview(key: OpaqueKey, userId: string, target: ReviewTarget, prompt: QuestionPrompt, answer: Parameters<typeof presentPrompt>[4]) {
	const seed = deriveSeed(deriveSeed(0, userId), `${target.questionId}:${target.reps}`);
	const inContentIds = presentPrompt(prompt, seed, 1, key, answer);
	return { inContentIds, shown: opaqueQuestion(inContentIds, target.questionId, key, `review:${userId}:${target.reps}`, 1) };
}

const sealTarget = (key: OpaqueKey, target: ReviewTarget) => sealReference(key, JSON.stringify([target.questionId, target.version, target.reps]));

function openTarget(key: OpaqueKey, ref: string): ReviewTarget {
	const opened = openReference(key, ref);
	const parsed: unknown = opened === null ? null : JSON.parse(opened);
	if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || !Number.isInteger(parsed[1]) || !Number.isInteger(parsed[2])) {
		throw new QuizRequestError(400, 'This review form is out of date or incomplete: open the review page again.');
	}
	return { questionId: parsed[0], version: parsed[1], reps: parsed[2] };
}

/** The link "Questions you miss most" gives a question: sealed, like the review form's reference. */
export const practiceLink = (key: OpaqueKey, questionId: string) => `/review?question=${encodeURIComponent(sealReference(key, questionId))}`;

async function itemFor(db: Database, userId: string, row: ReviewTarget & { lessonId: string; lessonTitle: string }): Promise<ReviewItem> {
	const [content, key] = await Promise.all([questionVersionContents(db, [{ questionId: row.questionId, version: row.version }]), answerKeySecret(db)]);
	const { prompt, answer } = content(row.questionId, row.version);
	const { shown } = presentReview(key, userId, row, prompt, answer);
	return { ref: sealTarget(key, row), lessonId: row.lessonId, lessonTitle: row.lessonTitle, prompt: shown.prompt, text: promptText(shown.prompt) };
}

const itemColumns = {
	questionId: reviewCards.questionId,
	version: questions.currentVersion,
	reps: reviewCards.reps,
	lessonId: questions.lessonId,
	lessonTitle: lessons.title
};

/** The question due longest ago, or null when nothing is due. */
export async function nextDueItem(db: Database, userId: string, now = new Date()): Promise<ReviewItem | null> {
	const [row] = await db
		.select(itemColumns)
		.from(reviewCards)
		.innerJoin(questions, eq(questions.id, reviewCards.questionId))
		.innerJoin(lessons, eq(lessons.id, questions.lessonId))
		.where(and(eq(reviewCards.userId, userId), lte(reviewCards.due, now), activeQuestion))
		.orderBy(asc(reviewCards.due), asc(reviewCards.questionId))
		.limit(1);
	return row ? itemFor(db, userId, row) : null;
}

/**
 * One question to practise now, due or not ("Questions you miss most" links here): one in the
 * learner's queue, or one they have missed in a quiz. Anything else is "not found".
 */
export async function practiceItem(db: Database, userId: string, sealedQuestionId: string): Promise<ReviewItem> {
	const questionId = openReference(await answerKeySecret(db), sealedQuestionId);
	if (questionId === null) throw notInQueue();
	const [row] = await db
		.select({ ...itemColumns, questionId: questions.id, reps: sql<number | null>`${reviewCards.reps}` })
		.from(questions)
		.innerJoin(lessons, eq(lessons.id, questions.lessonId))
		.leftJoin(reviewCards, and(eq(reviewCards.questionId, questions.id), eq(reviewCards.userId, userId)))
		.where(and(eq(questions.id, questionId), activeQuestion));
	if (!row) throw notInQueue();
	if (row.reps === null && !(await hasMissed(db, userId, questionId))) throw notInQueue();
	return itemFor(db, userId, { ...row, reps: row.reps ?? 0 });
}

const notInQueue = () => new QuizRequestError(404, 'That question is not among the ones you can review.');

async function hasMissed(db: Executor, userId: string, questionId: string): Promise<boolean> {
	const [row] = await db
		.select({ n: count() })
		.from(attemptAnswers)
		.innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
		.where(
			and(
				eq(quizAttempts.userId, userId),
				eq(quizAttempts.state, 'submitted'),
				eq(attemptAnswers.questionId, questionId),
				sql`coalesce(${attemptAnswers.fraction}, 0) < 1`
			)
		);
	return (row?.n ?? 0) > 0;
}

export interface ReviewAnswerResult {
	questionId: string;
	lessonTitle: string;
	prompt: QuestionPrompt;
	feedback: TeachingFeedback;
	/** "in 10 minutes", "in 2 days" */
	comesBack: string;
	/** true when the form had been answered already (a resent form): nothing was rescheduled */
	alreadyAnswered: boolean;
}

/**
 * Grades one review answer on the server and reschedules its card with FSRS: right is Good, wrong
 * is Again. `reps` is the review count the page was shown at: a second post of the same form finds
 * it changed and only shows the feedback again. A question missed in a quiz but not yet in the
 * queue (practised from "Questions you miss most") enters it here.
 */
export async function answerReview(
	db: Database,
	userId: string,
	ref: string,
	value: (name: string) => string | null,
	now = new Date()
): Promise<ReviewAnswerResult> {
	const key = await answerKeySecret(db);
	const input = openTarget(key, ref);
	return db.transaction(async (tx) => {
		const [question] = await tx
			.select({ lessonId: questions.lessonId, lessonTitle: lessons.title, objectiveId: questions.objectiveId, active: questions.active })
			.from(questions)
			.innerJoin(lessons, eq(lessons.id, questions.lessonId))
			.where(eq(questions.id, input.questionId));
		if (!question || !question.active) throw notInQueue();
		const [stored] = await tx
			.select(cardColumns)
			.from(reviewCards)
			.where(and(eq(reviewCards.userId, userId), eq(reviewCards.questionId, input.questionId)))
			.for('update');
		if (!stored && !(await hasMissed(tx, userId, input.questionId))) throw notInQueue();
		const card: StoredCard = stored ?? newCard(now);

		let content;
		try {
			content = (await questionVersionContents(db, [{ questionId: input.questionId, version: input.version }], tx))(input.questionId, input.version);
		} catch {
			throw new QuizRequestError(400, 'That version of the question does not exist.');
		}
		const { inContentIds: prompt, shown } = presentReview(key, userId, input, content.prompt, content.answer);
		const read = readResponse(shown.prompt, 1, value);
		if (read.kind === 'invalid') throw new QuizRequestError(400, read.message.replace(/^Question 1: /, ''));
		if (read.kind === 'unanswered') throw new QuizRequestError(400, 'Choose or type an answer first: the review checks it straight away.');
		const response: QuestionResponse | null = mapResponseIds(read.response, shown.toContentId);
		if (!response) throw new QuizRequestError(400, 'That answer is not one of the options shown: open the review page again.');
		const fraction = gradeResponse(content.answer, response);
		const correct = isCorrect(fraction);

		const alreadyAnswered = input.reps !== card.reps;
		let next = card;
		if (!alreadyAnswered) {
			const scheduled = scheduleAnswer(card, correct, now);
			next = scheduled.card;
			const values = { ...next };
			await tx
				.insert(reviewCards)
				.values({ userId, questionId: input.questionId, reason: 'missed', addedAt: now, ...values })
				.onConflictDoUpdate({ target: [reviewCards.userId, reviewCards.questionId], set: values });
			await tx.insert(reviewLogs).values({
				userId,
				questionId: input.questionId,
				questionVersion: input.version,
				response,
				fraction,
				rating: scheduled.rating,
				reviewedAt: now
			});
		}
		return {
			questionId: input.questionId,
			lessonTitle: question.lessonTitle,
			prompt,
			feedback: teachingFeedback({
				prompt,
				answer: content.answer,
				response,
				explanation: content.explanation,
				citations: content.citations,
				correct,
				lessonId: question.lessonId,
				objectiveId: question.objectiveId
			}),
			comesBack: describeWhenDue(next.due, now),
			alreadyAnswered
		};
	});
}

/**
 * After a quiz is submitted: missed questions enter the queue (due at once), slow right answers
 * enter rated Hard, and questions already queued count the quiz answer as a review.
 */
export async function updateQueueFromQuiz(db: Database, userId: string, outcomes: readonly QuizOutcome[], now = new Date()): Promise<number> {
	const ids = outcomes.map((o) => o.questionId);
	if (ids.length === 0) return 0;
	const queued = () =>
		db
			.select({ questionId: reviewCards.questionId })
			.from(reviewCards)
			.where(and(eq(reviewCards.userId, userId), inArray(reviewCards.questionId, ids)))
			.limit(1);
	// all right, none slow, none queued (most submissions of a learner who knows the lesson): one read, no transaction
	if (outcomes.every((o) => o.correct && !o.slow) && (await queued()).length === 0) return 0;
	return db.transaction(async (tx) => {
		const existingRows = await tx
			.select({ questionId: reviewCards.questionId, ...cardColumns })
			.from(reviewCards)
			.where(and(eq(reviewCards.userId, userId), inArray(reviewCards.questionId, ids)))
			.for('update');
		const existing = new Map(existingRows.map(({ questionId, ...card }) => [questionId, card]));
		const changes = queueChangesFromQuiz(existing, outcomes, now);
		if (changes.length === 0) return 0;
		// one statement for every change; a card already queued keeps its reason and when it was added
		await tx
			.insert(reviewCards)
			.values(changes.map((c) => ({ userId, questionId: c.questionId, reason: c.reason ?? 'missed', addedAt: now, ...c.card })))
			.onConflictDoUpdate({
				target: [reviewCards.userId, reviewCards.questionId],
				set: Object.fromEntries(Object.keys(cardColumns).map((key) => [key, sql.raw(`excluded.${reviewCards[key as keyof typeof cardColumns].name}`)]))
			});
		return changes.length;
	});
}
