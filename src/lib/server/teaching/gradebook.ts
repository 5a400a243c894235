import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { selectRows } from '../db/client';
import { buildGradebook, type GradebookCellInput } from '../../teaching/gradebook';
import { classAssignments } from './assignments';
import { classRoster, loadOwnClass } from './classes';

/**
 * Each student's submitted attempts per assignment, counted from the moment it was assigned: one
 * query over the class.
 */
export async function gradebookCells(db: Database, classId: string): Promise<GradebookCellInput[]> {
	const rows = await selectRows<{ studentId: string; assignmentId: string; attempts: number; best: number; latest: number; first: string }>(
		db,
		// one index lookup per student and assignment (quiz_attempts_submitted_idx), not a scan of every attempt
		sql`
		select m.user_id as "studentId", a.id as "assignmentId", s.attempts, s.best, s.latest, s.first
		from assignments a
		join class_members m on m.class_id = a.class_id
		cross join lateral (
			select count(*)::int as attempts, max(q.score) as best,
			       (array_agg(q.score order by q.submitted_at desc))[1] as latest, min(q.submitted_at) as first
			from quiz_attempts q
			where q.user_id = m.user_id and q.lesson_id = a.lesson_id and q.state = 'submitted' and q.submitted_at >= a.created_at
		) as s
		where a.class_id = ${classId} and s.attempts > 0`
	);
	// attempt scores are stored as percentages; the gradebook works in 0–1
	return rows.map((r) => ({ ...r, best: Number(r.best) / 100, latest: Number(r.latest) / 100, firstSubmittedAt: new Date(r.first) }));
}

/** The teacher's gradebook for one of their classes ("not found" for anyone else's). */
export async function loadGradebook(db: Database, teacherId: string, classId: string, now = new Date()) {
	const found = await loadOwnClass(db, teacherId, classId);
	const [students, assignments, cells] = await Promise.all([classRoster(db, classId), classAssignments(db, classId), gradebookCells(db, classId)]);
	return { class: found, assignments, ...buildGradebook(students.map((s) => ({ id: s.id, displayName: s.displayName, username: s.username })), assignments, cells, now) };
}
