import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { namedStatement } from '../db/named-statement';
import { answerKeySecret } from '../installation-secret';
import { quizAttempts } from '../db/schema';
import { gradeResponse, isCorrect, scoreAttempt } from '../../quiz/grade';
import { isResponseFor } from '../../quiz/responses';
import { readResponses, type FieldReader } from './attempts';
import type { QuestionResponse } from '../../content/question-types';
import { attemptNotFound, attemptNotInLesson, QuizRequestError } from './errors';
import { questionVersionContents } from './question-versions';
import { updateQueueFromQuiz } from '../review/queue';
import { slowPositions, type QuizOutcome } from '../../quiz/review-schedule';

/**
 * For the review queue: each question right or not, and answered slowly or not. A response the
 * submit form changed was given now; the others when they were saved.
 */
/** JSON with keys sorted: jsonb hands objects back with its own key order. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

function reviewOutcomes(
	attempt: AttemptToGrade,
	graded: readonly { position: number; response: QuestionResponse | null; fraction: number }[],
	submitted: readonly { response: QuestionResponse | null }[] | null,
	now: Date
): QuizOutcome[] {
	const answeredAt = attempt.answers.map((a, i) => {
		const response = graded[i].response;
		if (response === null) return { position: a.p, answeredAt: null };
		const changed = submitted !== null && canonical(response) !== canonical(a.r);
		return { position: a.p, answeredAt: changed || a.at === null ? now : new Date(a.at) };
	});
	const slow = slowPositions(new Date(attempt.startedAt), answeredAt);
	return attempt.answers.map((a, i) => ({ questionId: a.q, correct: isCorrect(graded[i].fraction), slow: slow.has(a.p) }));
}

function unansweredQuestions(positions: number[], total: number): QuizRequestError {
	const list = positions.length === 1 ? `question ${positions[0]}` : `questions ${positions.slice(0, -1).join(', ')} and ${positions.at(-1)}`;
	const count = positions.length === 1 ? '1 question has' : `${positions.length} of ${total} questions have`;
	return new QuizRequestError(400, `${count} no answer yet (${list}). Answer them, or submit anyway: blank answers count as wrong.`, positions);
}

export interface SubmitResult {
	attemptId: string;
	lessonId: string;
	score: number;
	correctCount: number;
	questionCount: number;
	/** true when this request found the attempt already submitted (a double click, a resent form) */
	alreadySubmitted: boolean;
}

interface AttemptToGrade {
	userId: string;
	lessonId: string;
	state: 'in_progress' | 'submitted';
	seed: number;
	score: number | null;
	correctCount: number | null;
	questionCount: number;
	startedAt: string;
	/** position, question id, question version, stored response, when it was saved: in position order */
	answers: { p: number; q: string; v: number; r: unknown; at: string | null }[];
}

/** The attempt with its answers as one row and one JSON value: far less to decode than a row per question. */
const attemptToGrade = namedStatement(
	'quiz_attempt_to_grade',
	() => sql`
		select a.user_id as "userId", a.lesson_id as "lessonId", a.state, a.seed, a.score,
		       a.correct_count as "correctCount", a.question_count as "questionCount", a.started_at as "startedAt",
		       coalesce((select json_agg(json_build_object('p', x.position, 'q', x.question_id, 'v', x.question_version, 'r', x.response, 'at', x.answered_at) order by x.position)
		                 from attempt_answers as x where x.attempt_id = a.id), '[]'::json) as answers
		from quiz_attempts as a
		where a.id = ${sql.placeholder('attemptId')}`
);

/**
 * Closes the attempt if still open, and only through that closing stores the graded answers and
 * the progress summary: one statement, so one transaction.
 */
const closeAttempt = namedStatement(
	'quiz_close_attempt',
	() => sql`
		with closed as (
			update quiz_attempts
			set state = 'submitted', score = ${sql.placeholder('score')}, correct_count = ${sql.placeholder('correctCount')}, submitted_at = ${sql.placeholder('now')}
			where id = ${sql.placeholder('attemptId')} and user_id = ${sql.placeholder('userId')} and state = 'in_progress'
			returning user_id, lesson_id
		), answers as (
			update attempt_answers as a
			set fraction = v.fraction,
			    response = nullif(v.response, 'null'::jsonb),
			    answered_at = case
			      when a.response is not distinct from nullif(v.response, 'null'::jsonb) then a.answered_at
			      when nullif(v.response, 'null'::jsonb) is null then null
			      else ${sql.placeholder('now')} end
			from closed, jsonb_to_recordset(${sql.placeholder('graded')}::jsonb) as v(position int, response jsonb, fraction real)
			where a.attempt_id = ${sql.placeholder('attemptId')} and a.position = v.position
			returning 1
		), progress as (
			insert into lesson_progress as p (user_id, lesson_id, attempts_submitted, best_score, latest_score, last_attempt_at)
			select user_id, lesson_id, 1, ${sql.placeholder('score')}, ${sql.placeholder('score')}, ${sql.placeholder('now')} from closed
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
	lessonId?: string,
	options: { requireAllAnswered?: boolean } = {}
): Promise<SubmitResult> {
	const [attempt] = await attemptToGrade<AttemptToGrade>(db, { attemptId });
	if (!attempt || attempt.userId !== userId) throw attemptNotFound();
	// a form posted under another lesson's address (or a made-up one) changes nothing
	if (lessonId !== undefined && attempt.lessonId !== lessonId) throw attemptNotInLesson();
	const base = { attemptId, lessonId: attempt.lessonId, questionCount: attempt.questionCount };
	if (attempt.state === 'submitted') {
		return { ...base, score: attempt.score ?? 0, correctCount: attempt.correctCount ?? 0, alreadySubmitted: true };
	}

	// prompts and keys from the in-memory copy of the (immutable) question versions
	const content = await questionVersionContents(db, attempt.answers.map((a) => ({ questionId: a.q, version: a.v })));
	const questions = attempt.answers.map((a) => {
		const { prompt, answer } = content(a.q, a.v);
		const stored = a.r as QuestionResponse | null;
		return { position: a.p, questionId: a.q, prompt, answer, stored: isResponseFor(prompt, stored) ? stored : null };
	});
	// responses in the form replace the saved ones; without a form, the saved ones are graded
	const submitted = value ? readResponses(questions, { id: attemptId, seed: attempt.seed }, await answerKeySecret(db), value) : null;
	// a learner who pressed "Submit answers" with questions left blank is asked first ("Submit anyway")
	if (options.requireAllAnswered && submitted) {
		const unanswered = questions.filter((_, i) => submitted[i].response === null).map((q) => q.position);
		if (unanswered.length > 0) throw unansweredQuestions(unanswered, questions.length);
	}
	const graded = questions.map((q, i) => {
		const response = submitted ? submitted[i].response : q.stored;
		return { position: q.position, response, fraction: gradeResponse(q.answer, response) };
	});
	const { score, correctCount } = scoreAttempt(graded.map((g) => g.fraction));
	const now = new Date();

	// the stored responses become exactly the graded ones, even if an autosave raced the submission
	const [outcome] = await closeAttempt<{ closed: number }>(db, {
		score,
		correctCount,
		now,
		attemptId,
		userId,
		graded: JSON.stringify(graded)
	});
	if (outcome?.closed === 1) {
		// the attempt is graded and stored: a review queue that could not be updated must not undo that
		try {
			await updateQueueFromQuiz(db, userId, reviewOutcomes(attempt, graded, submitted, now), now);
		} catch (e) {
			console.error(`review queue not updated after attempt ${attemptId}:`, e);
		}
		return { ...base, score, correctCount, alreadySubmitted: false };
	}

	// another request closed it first: its stored result is the result
	const [stored] = await db
		.select({ score: quizAttempts.score, correctCount: quizAttempts.correctCount })
		.from(quizAttempts)
		.where(eq(quizAttempts.id, attemptId));
	return { ...base, score: stored?.score ?? 0, correctCount: stored?.correctCount ?? 0, alreadySubmitted: true };
}
