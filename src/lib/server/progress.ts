import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './db';
import { attemptAnswers, lessonProgress, lessons, questions, questionVersions, quizAttempts } from './db/schema';
import type { Citation, QuestionPrompt } from '../content/question-types';
import { lessonMastery, masteryByObjective, mostMissedQuestions, type GradedAnswer } from '../quiz/mastery';
import { lessonNotFound } from './quiz/errors';
import { namedStatement } from './db/named-statement';

/** Records that the learner read the lesson (the first time counts; reading again changes nothing). */
export async function markLessonRead(db: Database, userId: string, lessonId: string): Promise<Date> {
	const [lesson] = await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.id, lessonId));
	if (!lesson) throw lessonNotFound();
	const [row] = await db
		.insert(lessonProgress)
		.values({ userId, lessonId, readAt: new Date() })
		.onConflictDoUpdate({
			target: [lessonProgress.userId, lessonProgress.lessonId],
			set: { readAt: sql`coalesce(${lessonProgress.readAt}, excluded.read_at)`, updatedAt: sql`now()` }
		})
		.returning({ readAt: lessonProgress.readAt });
	return row.readAt!;
}

export interface LessonProgressSummary {
	readAt: Date | null;
	attemptsSubmitted: number;
	bestScore: number | null;
	latestScore: number | null;
	/** 0–1 over recent attempts; null before the first submission */
	mastery: number | null;
	hasOpenAttempt: boolean;
}

const emptySummary = (): LessonProgressSummary => ({
	readAt: null,
	attemptsSubmitted: 0,
	bestScore: null,
	latestScore: null,
	mastery: null,
	hasOpenAttempt: false
});

/** All the learner's graded answers from submitted attempts (the log mastery is computed from). */
export async function gradedAnswers(db: Database, userId: string, lessonIds?: string[]): Promise<GradedAnswer[]> {
	const rows = await db
		.select({
			attemptId: quizAttempts.id,
			lessonId: quizAttempts.lessonId,
			submittedAt: quizAttempts.submittedAt,
			questionId: attemptAnswers.questionId,
			objectiveId: questions.objectiveId,
			fraction: attemptAnswers.fraction
		})
		.from(quizAttempts)
		.innerJoin(attemptAnswers, eq(attemptAnswers.attemptId, quizAttempts.id))
		.innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
		.where(
			and(
				eq(quizAttempts.userId, userId),
				eq(quizAttempts.state, 'submitted'),
				lessonIds ? inArray(quizAttempts.lessonId, lessonIds) : undefined
			)
		);
	return rows.map((r) => ({ ...r, submittedAt: r.submittedAt ?? new Date(0), fraction: r.fraction ?? 0 }));
}

/** Per-lesson progress for the course page and the lesson page. */
export async function lessonProgressSummaries(
	db: Database,
	userId: string,
	lessonIds?: string[],
	/** the learner's graded answers when the caller reads them anyway (the progress page) */
	knownAnswers?: Promise<GradedAnswer[]>
): Promise<Record<string, LessonProgressSummary>> {
	const [progressRows, answers, openRows] = await Promise.all([
		db
			.select()
			.from(lessonProgress)
			.where(and(eq(lessonProgress.userId, userId), lessonIds ? inArray(lessonProgress.lessonId, lessonIds) : undefined)),
		knownAnswers ?? gradedAnswers(db, userId, lessonIds),
		db
			.select({ lessonId: quizAttempts.lessonId })
			.from(quizAttempts)
			.where(
				and(
					eq(quizAttempts.userId, userId),
					eq(quizAttempts.state, 'in_progress'),
					lessonIds ? inArray(quizAttempts.lessonId, lessonIds) : undefined
				)
			)
	]);
	const summaries: Record<string, LessonProgressSummary> = {};
	const summaryFor = (lessonId: string) => (summaries[lessonId] ??= emptySummary());
	for (const row of progressRows) {
		Object.assign(summaryFor(row.lessonId), {
			readAt: row.readAt,
			attemptsSubmitted: row.attemptsSubmitted,
			bestScore: row.bestScore,
			latestScore: row.latestScore
		});
	}
	const answersByLesson = new Map<string, GradedAnswer[]>();
	for (const a of answers) {
		const list = answersByLesson.get(a.lessonId);
		if (list) list.push(a);
		else answersByLesson.set(a.lessonId, [a]);
	}
	for (const [lessonId, lessonAnswers] of answersByLesson) summaryFor(lessonId).mastery = lessonMastery(lessonAnswers);
	for (const row of openRows) summaryFor(row.lessonId).hasOpenAttempt = true;
	return summaries;
}

/**
 * One lesson's summary in one prepared statement: the lesson and quiz pages ask for it on every
 * signed-in view. Gives the same as `lessonProgressSummaries(db, userId, [lessonId])`.
 */
const lessonSummaryStatement = namedStatement(
	'progress_lesson_summary',
	() => sql`
		select p.read_at as "readAt", coalesce(p.attempts_submitted, 0) as "attemptsSubmitted",
		       p.best_score as "bestScore", p.latest_score as "latestScore",
		       exists (select 1 from quiz_attempts as o
		               where o.user_id = ${sql.placeholder('userId')} and o.lesson_id = ${sql.placeholder('lessonId')} and o.state = 'in_progress') as "hasOpenAttempt",
		       coalesce((select json_agg(json_build_object('attemptId', a.id, 'submittedAt', a.submitted_at, 'questionId', x.question_id, 'fraction', x.fraction))
		                 from quiz_attempts as a join attempt_answers as x on x.attempt_id = a.id
		                 where a.user_id = ${sql.placeholder('userId')} and a.lesson_id = ${sql.placeholder('lessonId')} and a.state = 'submitted'), '[]'::json) as answers
		from (select 1) as one
		left join lesson_progress as p on p.user_id = ${sql.placeholder('userId')} and p.lesson_id = ${sql.placeholder('lessonId')}`
);

interface LessonSummaryRow {
	// timestamps arrive as PostgreSQL's text from both drivers, also inside the JSON
	readAt: string | null;
	attemptsSubmitted: number;
	bestScore: number | null;
	latestScore: number | null;
	hasOpenAttempt: boolean;
	answers: { attemptId: string; submittedAt: string; questionId: string; fraction: number | null }[];
}

export async function lessonProgressSummary(db: Database, userId: string, lessonId: string): Promise<LessonProgressSummary> {
	const [row] = await lessonSummaryStatement<LessonSummaryRow>(db, { userId, lessonId });
	if (!row) return emptySummary();
	const answers: GradedAnswer[] = row.answers.map((a) => ({
		attemptId: a.attemptId,
		lessonId,
		submittedAt: new Date(a.submittedAt),
		questionId: a.questionId,
		objectiveId: '',
		fraction: a.fraction ?? 0
	}));
	return {
		readAt: row.readAt === null ? null : new Date(row.readAt),
		attemptsSubmitted: row.attemptsSubmitted,
		bestScore: row.bestScore,
		latestScore: row.latestScore,
		mastery: answers.length ? lessonMastery(answers) : null,
		hasOpenAttempt: row.hasOpenAttempt
	};
}

export interface ProgressOverview {
	lessons: (LessonProgressSummary & {
		id: string;
		title: string;
		objectives: { id: string; text: string; answered: number; correct: number; share: number | null }[];
		attempts: { id: string; attemptNumber: number; score: number; correctCount: number; questionCount: number; submittedAt: Date }[];
	})[];
	/** every submitted attempt, oldest first */
	scoresOverTime: { attemptId: string; lessonTitle: string; attemptNumber: number; score: number; submittedAt: Date }[];
	mostMissed: { questionId: string; lessonTitle: string; stem: string; missed: number; seen: number; citation: Citation | null }[];
}

/** Everything the "My progress" page shows, from the attempt log and the progress summaries. */
export async function loadProgressOverview(db: Database, userId: string): Promise<ProgressOverview> {
	// read once: the summaries' mastery and the objectives' mastery come from the same answers
	const allAnswers = gradedAnswers(db, userId);
	const [lessonRows, summaries, answers, attempts] = await Promise.all([
		db
			.select({ id: lessons.id, title: lessons.title, objectives: lessons.objectives, active: lessons.active })
			.from(lessons)
			.orderBy(asc(lessons.position)),
		lessonProgressSummaries(db, userId, undefined, allAnswers),
		allAnswers,
		db
			.select({
				id: quizAttempts.id,
				lessonId: quizAttempts.lessonId,
				attemptNumber: quizAttempts.attemptNumber,
				score: quizAttempts.score,
				correctCount: quizAttempts.correctCount,
				questionCount: quizAttempts.questionCount,
				submittedAt: quizAttempts.submittedAt
			})
			.from(quizAttempts)
			.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.state, 'submitted')))
			.orderBy(asc(quizAttempts.submittedAt))
	]);
	// retired lessons stay listed only where the learner has a history there
	const shown = lessonRows.filter((l) => l.active || summaries[l.id]);
	const mastery = masteryByObjective(
		shown.flatMap((l) => (l.objectives ?? []).map((o) => ({ lessonId: l.id, objectiveId: o.id }))),
		answers
	);
	const masteryKey = (lessonId: string, objectiveId: string) => `${lessonId}\u0000${objectiveId}`;
	const masteryByKey = new Map(mastery.map((m) => [masteryKey(m.lessonId, m.objectiveId), m]));
	const titles = new Map(lessonRows.map((l) => [l.id, l.title]));
	const submitted = attempts.map((a) => ({
		...a,
		score: a.score ?? 0,
		correctCount: a.correctCount ?? 0,
		submittedAt: a.submittedAt ?? new Date(0)
	}));

	const missed = mostMissedQuestions(answers);
	const missedDetails = missed.length ? await questionStems(db, missed.map((m) => m.questionId)) : new Map();

	return {
		lessons: shown.map((l) => {
			const summary = summaries[l.id];
			return {
				id: l.id,
				title: l.title,
				readAt: summary?.readAt ?? null,
				attemptsSubmitted: summary?.attemptsSubmitted ?? 0,
				bestScore: summary?.bestScore ?? null,
				latestScore: summary?.latestScore ?? null,
				mastery: summary?.mastery ?? null,
				hasOpenAttempt: summary?.hasOpenAttempt ?? false,
				objectives: (l.objectives ?? []).map((o) => {
					const m = masteryByKey.get(masteryKey(l.id, o.id));
					return { id: o.id, text: o.text, answered: m?.answered ?? 0, correct: m?.correct ?? 0, share: m?.share ?? null };
				}),
				attempts: submitted
					.filter((a) => a.lessonId === l.id)
					.map(({ id, attemptNumber, score, correctCount, questionCount, submittedAt }) => ({
						id,
						attemptNumber,
						score,
						correctCount,
						questionCount,
						submittedAt
					}))
			};
		}),
		scoresOverTime: submitted.map((a) => ({
			attemptId: a.id,
			lessonTitle: titles.get(a.lessonId) ?? a.lessonId,
			attemptNumber: a.attemptNumber,
			score: a.score,
			submittedAt: a.submittedAt
		})),
		mostMissed: missed.map((m) => {
			const detail = missedDetails.get(m.questionId);
			return {
				...m,
				lessonTitle: detail ? (titles.get(detail.lessonId) ?? '') : '',
				stem: detail?.stem ?? '',
				citation: detail?.citation ?? null
			};
		})
	};
}

/** The current wording and first citation of each question (what a learner revisits). */
async function questionStems(db: Database, questionIds: string[]) {
	const rows = await db
		.select({
			questionId: questions.id,
			lessonId: questions.lessonId,
			prompt: questionVersions.prompt,
			citations: questionVersions.citations
		})
		.from(questions)
		.innerJoin(
			questionVersions,
			and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion))
		)
		.where(inArray(questions.id, questionIds))
		.orderBy(desc(questions.id));
	return new Map(
		rows.map((r) => {
			const prompt = r.prompt as QuestionPrompt;
			const citations = Array.isArray(r.citations) ? (r.citations as Citation[]) : [];
			const stem = prompt.type === 'true_false' ? `${prompt.stem} ${prompt.statement}` : prompt.type === 'attribution' ? `${prompt.stem} ${prompt.claim}` : prompt.stem;
			return [r.questionId, { lessonId: r.lessonId, stem, citation: citations[0] ?? null }];
		})
	);
}

/** For the lesson page's quiz box: the learner's progress, or null for a visitor. */
export async function lessonQuizPanel(db: Database, user: { id: string } | null, lessonId: string) {
	return user ? lessonProgressSummary(db, user.id, lessonId) : null;
}

/** For the course page: progress per lesson id, or null for a visitor. */
export async function courseProgress(db: Database, user: { id: string } | null) {
	return user ? lessonProgressSummaries(db, user.id) : null;
}
