import { asc, eq, sql } from 'drizzle-orm';
import { selectRows, type Database } from '../db';
import { attemptAnswers, quizAttempts } from '../db/schema';
import { gradeResponse, scoreAttempt } from '../../quiz/grade';
import { isResponseFor } from '../../quiz/responses';
import { readResponses, type FieldReader } from './attempts';
import { attemptNotFound, attemptNotInLesson } from './errors';
import { questionVersionContents } from './question-versions';

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
 * Saves the form's responses (if any), grades every question and closes the attempt. The writes are
 * one statement, so one transaction: it closes the attempt only if it is still open, and stores the
 * graded answers and the progress summary only through that closing. Of many identical requests
 * exactly one closes the attempt; the others change nothing and return the stored result.
 * With `lessonId` (the lesson in the form's address) an attempt at another lesson is refused.
 */
export async function submitAttempt(
	db: Database,
	userId: string,
	attemptId: string,
	value?: FieldReader,
	lessonId?: string
): Promise<SubmitResult> {
	const rows = await db
		.select({
			userId: quizAttempts.userId,
			lessonId: quizAttempts.lessonId,
			state: quizAttempts.state,
			seed: quizAttempts.seed,
			score: quizAttempts.score,
			correctCount: quizAttempts.correctCount,
			questionCount: quizAttempts.questionCount,
			position: attemptAnswers.position,
			questionId: attemptAnswers.questionId,
			questionVersion: attemptAnswers.questionVersion,
			response: attemptAnswers.response
		})
		.from(quizAttempts)
		.innerJoin(attemptAnswers, eq(attemptAnswers.attemptId, quizAttempts.id))
		.where(eq(quizAttempts.id, attemptId))
		.orderBy(asc(attemptAnswers.position));
	const attempt = rows[0];
	if (!attempt || attempt.userId !== userId) throw attemptNotFound();
	// a form posted under another lesson's address (or a made-up one) changes nothing
	if (lessonId !== undefined && attempt.lessonId !== lessonId) throw attemptNotInLesson();
	const base = { attemptId, lessonId: attempt.lessonId, questionCount: attempt.questionCount };
	if (attempt.state === 'submitted') {
		return { ...base, score: attempt.score ?? 0, correctCount: attempt.correctCount ?? 0, alreadySubmitted: true };
	}

	// prompts and keys from the in-memory copy of the (immutable) question versions
	const content = await questionVersionContents(db, rows.map((row) => ({ questionId: row.questionId, version: row.questionVersion })));
	const questions = rows.map((row) => {
		const { prompt, answer } = content(row.questionId, row.questionVersion);
		return { position: row.position, prompt, answer, stored: isResponseFor(prompt, row.response) ? row.response : null };
	});
	// responses in the form replace the saved ones; without a form, the saved ones are graded
	const submitted = value ? readResponses(questions, attempt.seed, value) : null;
	const graded = questions.map((q, i) => {
		const response = submitted ? submitted[i].response : q.stored;
		return { position: q.position, response, fraction: gradeResponse(q.answer, response) };
	});
	const { score, correctCount } = scoreAttempt(graded.map((g) => g.fraction));
	const now = new Date();

	// the stored responses become exactly the graded ones, even if an autosave raced the submission
	const [outcome] = await selectRows<{ closed: number }>(
		db,
		sql`
		with closed as (
			update quiz_attempts
			set state = 'submitted', score = ${score}, correct_count = ${correctCount}, submitted_at = ${now}
			where id = ${attemptId} and user_id = ${userId} and state = 'in_progress'
			returning user_id, lesson_id
		), answers as (
			update attempt_answers as a
			set fraction = v.fraction,
			    response = nullif(v.response, 'null'::jsonb),
			    answered_at = case
			      when a.response is not distinct from nullif(v.response, 'null'::jsonb) then a.answered_at
			      when nullif(v.response, 'null'::jsonb) is null then null
			      else ${now} end
			from closed, jsonb_to_recordset(${JSON.stringify(graded)}::jsonb) as v(position int, response jsonb, fraction real)
			where a.attempt_id = ${attemptId} and a.position = v.position
			returning 1
		), progress as (
			insert into lesson_progress as p (user_id, lesson_id, attempts_submitted, best_score, latest_score, last_attempt_at)
			select user_id, lesson_id, 1, ${score}, ${score}, ${now} from closed
			on conflict (user_id, lesson_id) do update set
				attempts_submitted = p.attempts_submitted + 1,
				best_score = greatest(coalesce(p.best_score, 0), excluded.best_score),
				latest_score = excluded.latest_score,
				last_attempt_at = excluded.last_attempt_at,
				updated_at = now()
			returning 1
		)
		select (select count(*) from closed)::int as closed`
	);
	if (outcome?.closed === 1) return { ...base, score, correctCount, alreadySubmitted: false };

	// another request closed it first: its stored result is the result
	const [stored] = await db
		.select({ score: quizAttempts.score, correctCount: quizAttempts.correctCount })
		.from(quizAttempts)
		.where(eq(quizAttempts.id, attemptId));
	return { ...base, score: stored?.score ?? 0, correctCount: stored?.correctCount ?? 0, alreadySubmitted: true };
}
