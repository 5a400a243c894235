import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { lessonProgress, quizAttempts } from '../db/schema';
import { gradeResponse, scoreAttempt } from '../../quiz/grade';
import { isResponseFor } from '../../quiz/responses';
import { attemptQuestionRows, readResponses, writeResponses, type FieldReader } from './attempts';
import { attemptNotFound } from './errors';

export interface SubmitResult {
	attemptId: string;
	lessonId: string;
	score: number;
	correctCount: number;
	questionCount: number;
	/** true when this request found the attempt already submitted (a double click, a resent form) */
	alreadySubmitted: boolean;
}

/**
 * Saves the form's responses (if any), grades every question and closes the attempt, all in one
 * transaction. The attempt row is locked first, so of many identical requests exactly one grades;
 * the rest wait for it and return its stored result unchanged.
 */
export async function submitAttempt(
	db: Database,
	userId: string,
	attemptId: string,
	value?: FieldReader
): Promise<SubmitResult> {
	return db.transaction(async (tx) => {
		const [attempt] = await tx
			.select({
				userId: quizAttempts.userId,
				lessonId: quizAttempts.lessonId,
				state: quizAttempts.state,
				seed: quizAttempts.seed,
				score: quizAttempts.score,
				correctCount: quizAttempts.correctCount,
				questionCount: quizAttempts.questionCount
			})
			.from(quizAttempts)
			.where(eq(quizAttempts.id, attemptId))
			.for('update');
		if (!attempt || attempt.userId !== userId) throw attemptNotFound();
		const base = { attemptId, lessonId: attempt.lessonId, questionCount: attempt.questionCount };
		if (attempt.state === 'submitted') {
			return { ...base, score: attempt.score ?? 0, correctCount: attempt.correctCount ?? 0, alreadySubmitted: true };
		}

		const rows = await attemptQuestionRows(tx, attemptId);
		const responses = new Map(rows.map((row) => [row.position, isResponseFor(row.prompt, row.response) ? row.response : null]));
		if (value) {
			const updates = readResponses(rows, attempt.seed, value);
			for (const update of updates) responses.set(update.position, update.response);
			await writeResponses(tx, attemptId, updates);
		}
		const graded = rows.map((row) => ({ position: row.position, fraction: gradeResponse(row.answer, responses.get(row.position) ?? null) }));
		await tx.execute(sql`
			update attempt_answers as a set fraction = v.fraction
			from jsonb_to_recordset(${JSON.stringify(graded)}::jsonb) as v(position int, fraction real)
			where a.attempt_id = ${attemptId} and a.position = v.position`);
		const { score, correctCount } = scoreAttempt(graded.map((g) => g.fraction));
		const now = new Date();
		await tx
			.update(quizAttempts)
			.set({ state: 'submitted', score, correctCount, submittedAt: now })
			.where(eq(quizAttempts.id, attemptId));
		await tx
			.insert(lessonProgress)
			.values({ userId, lessonId: attempt.lessonId, attemptsSubmitted: 1, bestScore: score, latestScore: score, lastAttemptAt: now })
			.onConflictDoUpdate({
				target: [lessonProgress.userId, lessonProgress.lessonId],
				set: {
					attemptsSubmitted: sql`${lessonProgress.attemptsSubmitted} + 1`,
					bestScore: sql`greatest(coalesce(${lessonProgress.bestScore}, 0), excluded.best_score)`,
					latestScore: sql`excluded.latest_score`,
					lastAttemptAt: sql`excluded.last_attempt_at`,
					updatedAt: sql`now()`
				}
			});
		return { ...base, score, correctCount, alreadySubmitted: false };
	});
}
