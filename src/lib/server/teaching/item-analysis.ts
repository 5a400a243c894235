import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { selectRows } from '../db/client';
import type { Citation, QuestionResponse } from '../../content/question-types';
import { describeAnswer } from '../../quiz/describe';
import { analyseItems } from '../../teaching/item-analysis';
import { loadOwnAssignment } from './assignments';
import { questionVersionContents } from '../quiz/question-versions';

export type AttemptsAnalysed = 'first' | 'all';

/**
 * Item analysis of one assignment over the class's submitted attempts since it was assigned:
 * each student's first attempt (the default, as Moodle suggests, so retakes do not weigh twice)
 * or all of them.
 */
export async function loadItemAnalysis(db: Database, teacherId: string, classId: string, assignmentId: string, which: AttemptsAnalysed) {
	const { class: found, assignment } = await loadOwnAssignment(db, teacherId, classId, assignmentId);
	const rows = await selectRows<{ attemptId: string; questionId: string; version: number; fraction: number | null; response: QuestionResponse | null; total: number }>(
		db,
		sql`
		with analysed as (
			select q.id, row_number() over (partition by m.user_id order by q.submitted_at, q.id) as n
			from assignments a
			join class_members m on m.class_id = a.class_id
			cross join lateral (
				select q.id, q.submitted_at from quiz_attempts q
				where q.user_id = m.user_id and q.lesson_id = a.lesson_id and q.state = 'submitted' and q.submitted_at >= a.created_at
			) as q
			where a.id = ${assignmentId}
		)
		select x.attempt_id as "attemptId", x.question_id as "questionId", x.question_version as version, x.fraction, x.response,
		       sum(coalesce(x.fraction, 0)) over (partition by x.attempt_id) as total
		from analysed t join attempt_answers x on x.attempt_id = t.id
		where ${which === 'first' ? sql`t.n = 1` : sql`true`}`
	);
	const content = await questionVersionContents(db, rows.map((r) => ({ questionId: r.questionId, version: r.version })));
	// the newest version an attempt showed labels the question
	const latestVersion = new Map<string, number>();
	for (const r of rows) latestVersion.set(r.questionId, Math.max(r.version, latestVersion.get(r.questionId) ?? 0));
	const items = analyseItems(
		rows.map((r) => ({ attemptId: r.attemptId, questionId: r.questionId, fraction: Number(r.fraction ?? 0), response: r.response, attemptTotal: Number(r.total) })),
		(questionId) => content(questionId, latestVersion.get(questionId)!).prompt
	);
	const attempts = new Set(rows.map((r) => r.attemptId)).size;
	return {
		class: found,
		assignment,
		attempts,
		items: items
			.map((item) => {
				const version = content(item.questionId, latestVersion.get(item.questionId)!);
				const citations = Array.isArray(version.citations) ? (version.citations as Citation[]) : [];
				return { ...item, stem: questionStem(version.prompt), correctAnswer: describeAnswer(version.prompt, version.answer), citation: citations[0] ?? null };
			})
			.sort((a, b) => (a.facility ?? 0) - (b.facility ?? 0) || (a.questionId < b.questionId ? -1 : 1))
	};
}

export function questionStem(prompt: import('../../content/question-types').QuestionPrompt): string {
	return prompt.type === 'true_false' ? `${prompt.stem} ${prompt.statement}` : prompt.type === 'attribution' ? `${prompt.stem} ${prompt.claim}` : prompt.stem;
}
