import { randomInt, randomUUID } from 'node:crypto';
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { attemptAnswers, lessons, questions, quizAttempts } from '../db/schema';
import type { QuestionAnswer, QuestionPrompt, QuestionResponse } from '../../content/question-types';
import { citedSentencesOf, drawQuestions } from '../../quiz/draw';
import { loadQuestionBank } from './bank';
import { questionVersionContents } from './question-versions';
import { presentPrompt } from '../../quiz/present';
import { keyedSeed, mapResponseIds, opaqueQuestion, publicQuestionId, type OpaqueKey } from '../../quiz/opaque';
import { answerKeySecret } from '../installation-secret';
import { promptText, type PromptText } from '../../quiz/stem';
import { isResponseFor, readResponse, responseFieldValues } from '../../quiz/responses';
import { attemptLimitProblem } from '../teaching/assignments';
import { QuizRequestError, attemptNotFound, attemptNotInLesson, lessonNotFound } from './errors';

/** A database or an open transaction: use-cases compose inside one transaction. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface OpenAttempt {
	id: string;
	attemptNumber: number;
	resumed: boolean;
}

export async function findActiveLesson(db: Executor, lessonId: string) {
	const [lesson] = await db
		.select({ id: lessons.id, title: lessons.title, objectives: lessons.objectives })
		.from(lessons)
		.where(and(eq(lessons.id, lessonId), eq(lessons.active, true)));
	return lesson;
}

export async function findOpenAttempt(db: Executor, userId: string, lessonId: string) {
	const [open] = await db
		.select({ id: quizAttempts.id, attemptNumber: quizAttempts.attemptNumber })
		.from(quizAttempts)
		.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lessonId), eq(quizAttempts.state, 'in_progress')));
	return open;
}

/**
 * The learner's open attempt at this lesson's quiz, created if there is none. Concurrent starts
 * (two tabs, a double click) end with the same attempt: the partial unique index lets only one
 * insert win, the others do nothing and read the winner's row.
 */
export async function startOrResumeAttempt(db: Database, userId: string, lessonId: string): Promise<OpenAttempt> {
	// read before the transaction: PGlite has one connection, held by the transaction
	const key = await answerKeySecret(db);
	for (let tries = 0; tries < 5; tries++) {
		const open = await findOpenAttempt(db, userId, lessonId);
		if (open) return { ...open, resumed: true };
		const created = await db.transaction(async (tx) => {
			const lesson = await findActiveLesson(tx, lessonId);
			if (!lesson) throw lessonNotFound();
			// an assignment's attempt limit is enforced here, on the server, whatever the page showed
			const limit = await attemptLimitProblem(tx, userId, lessonId);
			if (limit) throw new QuizRequestError(403, limit);
			const bank = await loadQuestionBank(tx, lessonId);
			if (bank.length === 0) throw new QuizRequestError(404, 'This is a reading lesson: it has no quiz.');
			const seed = randomInt(0, 0x7fffffff);
			// which questions, and in which order, is keyed too: both depend on the content ids
			const drawn = drawQuestions(bank, keyedSeed(key, seed, 'draw'), undefined, await sentencesAsked(db, tx, userId, lessonId));
			const id = randomUUID();
			const [last] = await tx
				.select({ n: max(quizAttempts.attemptNumber) })
				.from(quizAttempts)
				.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lessonId)));
			const attemptNumber = (last?.n ?? 0) + 1;
			// a concurrent start may win either unique index (open attempt, or attempt number)
			const inserted = await tx
				.insert(quizAttempts)
				.values({ id, userId, lessonId, attemptNumber, seed, questionCount: drawn.length })
				.onConflictDoNothing()
				.returning({ id: quizAttempts.id });
			if (inserted.length === 0) return undefined;
			await tx.insert(attemptAnswers).values(
				drawn.map((q, i) => ({ attemptId: id, position: i + 1, questionId: q.id, questionVersion: q.version }))
			);
			return { id, attemptNumber, resumed: false };
		});
		if (created) return created;
	}
	throw new QuizRequestError(409, 'The quiz could not be started because of another request at the same moment; try again.');
}

/**
 * How often the learner's earlier attempts at this lesson asked each source sentence (as
 * `sourceId#sentenceId`): a retake prefers the sentences asked least.
 */
export async function sentencesAsked(db: Database, exec: Executor, userId: string, lessonId: string): Promise<Map<string, number>> {
	const rows = await exec
		.select({ questionId: attemptAnswers.questionId, version: attemptAnswers.questionVersion })
		.from(attemptAnswers)
		.innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
		.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lessonId)));
	const asked = new Map<string, number>();
	if (rows.length === 0) return asked;
	const content = await questionVersionContents(db, rows, exec);
	for (const row of rows) {
		for (const sentence of new Set(citedSentencesOf(content(row.questionId, row.version).citations))) {
			asked.set(sentence, (asked.get(sentence) ?? 0) + 1);
		}
	}
	return asked;
}

export interface QuizQuestionView {
	position: number;
	/** opaque, for this attempt only (autosave names the question with it) */
	questionId: string;
	/** shuffled for this attempt, with opaque option and item ids; holds no answer */
	prompt: QuestionPrompt;
	text: PromptText;
	/** form values that show the saved response again */
	saved: Record<string, string>;
	answered: boolean;
}

export interface AttemptForTaking {
	id: string;
	lessonId: string;
	lessonTitle: string;
	attemptNumber: number;
	state: 'in_progress' | 'submitted';
	questions: QuizQuestionView[];
}

/** An attempt with its lesson's title, for its own learner only: anyone else gets "not found". */
export async function loadOwnAttempt(db: Database, userId: string, attemptId: string) {
	const [attempt] = await db
		.select({
			id: quizAttempts.id,
			userId: quizAttempts.userId,
			lessonId: quizAttempts.lessonId,
			lessonTitle: lessons.title,
			attemptNumber: quizAttempts.attemptNumber,
			state: quizAttempts.state,
			seed: quizAttempts.seed,
			score: quizAttempts.score,
			correctCount: quizAttempts.correctCount,
			questionCount: quizAttempts.questionCount,
			submittedAt: quizAttempts.submittedAt
		})
		.from(quizAttempts)
		.innerJoin(lessons, eq(lessons.id, quizAttempts.lessonId))
		.where(eq(quizAttempts.id, attemptId));
	if (!attempt || attempt.userId !== userId) throw attemptNotFound();
	return attempt;
}

/** The attempt as the quiz page shows it: prompts and saved responses, never answers or explanations. */
export async function loadAttemptForTaking(db: Database, userId: string, attemptId: string): Promise<AttemptForTaking> {
	const attempt = await loadOwnAttempt(db, userId, attemptId);
	const [rows, key] = await Promise.all([attemptQuestionRows(db, attemptId), answerKeySecret(db)]);
	return {
		id: attempt.id,
		lessonId: attempt.lessonId,
		lessonTitle: attempt.lessonTitle,
		attemptNumber: attempt.attemptNumber,
		state: attempt.state,
		questions: rows.map((row) => {
			const shown = opaqueQuestion(presentPrompt(row.prompt, attempt.seed, row.position, key, row.answer), row.questionId, key, attempt.id, row.position);
			const stored = isResponseFor(row.prompt, row.response) ? row.response : null;
			const response = stored && mapResponseIds(stored, shown.toPublicId);
			return {
				position: row.position,
				questionId: shown.questionId,
				prompt: shown.prompt,
				text: promptText(shown.prompt),
				saved: responseFieldValues(shown.prompt, row.position, response),
				answered: response !== null
			};
		})
	};
}

export interface AttemptQuestionRow {
	position: number;
	questionId: string;
	prompt: QuestionPrompt;
	answer: QuestionAnswer;
	response: QuestionResponse | null;
	fraction: number | null;
	explanation: string;
	citations: unknown;
	objectiveId: string;
}

/**
 * The attempt's questions in order with the learner's responses. `db` is the database (prompts and
 * keys come from the in-memory copy of question versions); `exec` may be a transaction in it.
 */
export async function attemptQuestionRows(db: Database, attemptId: string, exec: Executor = db): Promise<AttemptQuestionRow[]> {
	const rows = await exec
		.select({
			position: attemptAnswers.position,
			questionId: attemptAnswers.questionId,
			questionVersion: attemptAnswers.questionVersion,
			response: attemptAnswers.response,
			fraction: attemptAnswers.fraction,
			objectiveId: questions.objectiveId
		})
		.from(attemptAnswers)
		.innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
		.where(eq(attemptAnswers.attemptId, attemptId))
		.orderBy(asc(attemptAnswers.position));
	const content = await questionVersionContents(db, rows.map((row) => ({ questionId: row.questionId, version: row.questionVersion })), exec);
	return rows.map(({ questionVersion, ...row }) => ({ ...row, ...content(row.questionId, questionVersion), response: row.response as QuestionResponse | null }));
}

/** Reads a submitted form field (null when absent). */
export type FieldReader = (name: string) => string | null;

export interface ResponseUpdate {
	position: number;
	response: QuestionResponse | null;
}

/**
 * Reads the responses in a form for the given rows. Every response is checked before anything is
 * written, so one bad answer changes nothing.
 */
export function readResponses(
	rows: readonly { position: number; questionId: string; prompt: QuestionPrompt; answer: QuestionAnswer }[],
	attempt: { id: string; seed: number },
	key: OpaqueKey,
	value: FieldReader
): ResponseUpdate[] {
	return rows.map((row) => {
		const shown = opaqueQuestion(presentPrompt(row.prompt, attempt.seed, row.position, key, row.answer), row.questionId, key, attempt.id, row.position);
		const read = readResponse(shown.prompt, row.position, value);
		if (read.kind === 'invalid') throw new QuizRequestError(400, read.message);
		// the page's ids back to content ids: what is stored and graded
		const response = read.kind === 'answered' ? mapResponseIds(read.response, shown.toContentId) : null;
		return { position: row.position, response };
	});
}

export async function writeResponses(db: Executor, attemptId: string, updates: readonly ResponseUpdate[]): Promise<void> {
	if (updates.length === 0) return;
	// one statement for all the questions of the form
	await db.execute(sql`
		update attempt_answers as a
		set response = nullif(v.response, 'null'::jsonb),
		    answered_at = case when nullif(v.response, 'null'::jsonb) is null then null else now() end
		from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(position int, response jsonb)
		where a.attempt_id = ${attemptId} and a.position = v.position
		  and a.response is distinct from nullif(v.response, 'null'::jsonb)`);
}

/**
 * Autosave: stores the responses in the form (one question when `questionId` is given, else every
 * question of the attempt). Waits for a submission in flight, and refuses once the attempt is closed.
 * With `lessonId` (the lesson in the form's address) an attempt at another lesson is refused.
 */
export async function saveResponses(
	db: Database,
	userId: string,
	attemptId: string,
	value: FieldReader,
	questionId?: string,
	lessonId?: string
): Promise<{ saved: number }> {
	const key = await answerKeySecret(db);
	return db.transaction(async (tx) => {
		const [attempt] = await tx
			.select({ userId: quizAttempts.userId, lessonId: quizAttempts.lessonId, state: quizAttempts.state, seed: quizAttempts.seed })
			.from(quizAttempts)
			.where(eq(quizAttempts.id, attemptId))
			.for('share');
		if (!attempt || attempt.userId !== userId) throw attemptNotFound();
		if (lessonId !== undefined && attempt.lessonId !== lessonId) throw attemptNotInLesson();
		if (attempt.state !== 'in_progress') {
			throw new QuizRequestError(409, 'This attempt has already been submitted, so its answers can no longer change.');
		}
		let rows = await attemptQuestionRows(db, attemptId, tx);
		if (questionId !== undefined) {
			rows = rows.filter((row) => publicQuestionId(key, attemptId, row.position, row.questionId) === questionId);
			if (rows.length === 0) throw new QuizRequestError(400, 'That question is not part of this attempt.');
		}
		const updates = readResponses(rows, { id: attemptId, seed: attempt.seed }, key, value);
		await writeResponses(tx, attemptId, updates);
		return { saved: updates.length };
	});
}
