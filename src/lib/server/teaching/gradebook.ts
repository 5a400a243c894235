import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { selectRows } from '../db/client';
import { buildGradebook, type GradebookCellInput } from '../../teaching/gradebook';
import { classAssignments } from './assignments';
import { classRoster, loadOwnClass } from './classes';

/**
 * Each student's submitted attempts per assignment, counted from the moment it was assigned: one
 * grouped query over the class (index: quiz_attempts (user_id, lesson_id, …)).
 */
export async function gradebookCells(db: Database, classId: string): Promise<GradebookCellInput[]> {
	const rows = await selectRows<{ studentId: string; assignmentId: string; attempts: number; best: number; latest: number; first: string }>(
		db,
		sql`
		select q.user_id as "studentId", a.id as "assignmentId", count(*)::int as attempts, max(q.score) as best,
		       (array_agg(q.score order by q.submitted_at desc))[1] as latest, min(q.submitted_at) as first
		from assignments a
		join class_members m on m.class_id = a.class_id
		join quiz_attempts q on q.user_id = m.user_id and q.lesson_id = a.lesson_id
		                     and q.state = 'submitted' and q.submitted_at >= a.created_at
		where a.class_id = ${classId}
		group by q.user_id, a.id`
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
