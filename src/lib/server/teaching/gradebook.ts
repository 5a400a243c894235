import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { selectRows } from '../db/client';
import { buildGradebook, type GradebookCellInput } from '../../teaching/gradebook';
import type { ClassAssignment } from './assignments';
import { classNotFound } from './errors';
import type { TeacherClass } from './classes';

interface GradebookRow {
	id: string;
	name: string;
	term: string;
	joinCode: string;
	joiningOpen: boolean;
	// timestamps arrive as text from both drivers, also inside JSON
	archivedAt: string | null;
	createdAt: string;
	students: { id: string; displayName: string; username: string | null }[];
	assignments: { id: string; lessonId: string; lessonTitle: string; lessonPosition: number; dueAt: string | null; maxAttempts: number | null; createdAt: string }[];
	cells: { studentId: string; assignmentId: string; attempts: number; best: number; latest: number; first: string }[];
}

/**
 * The class (only if it is this teacher's), its students, its assignments and each student's
 * submitted attempts per assignment since it was assigned, in one round trip: one index lookup per
 * student and assignment (quiz_attempts_submitted_idx), never a scan of every attempt.
 */
const gradebookQuery = (teacherId: string, classId: string) => sql`
	select c.id, c.name, c.term, c.join_code as "joinCode", c.joining_open as "joiningOpen",
	       c.archived_at as "archivedAt", c.created_at as "createdAt",
	       coalesce((select json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'username', u.username) order by u.display_name, u.id)
	                 from class_members m join users u on u.id = m.user_id where m.class_id = c.id), '[]'::json) as students,
	       coalesce((select json_agg(json_build_object('id', a.id, 'lessonId', a.lesson_id, 'lessonTitle', l.title, 'lessonPosition', l.position,
	                                                   'dueAt', a.due_at, 'maxAttempts', a.max_attempts, 'createdAt', a.created_at) order by l.position, a.created_at)
	                 from assignments a join lessons l on l.id = a.lesson_id where a.class_id = c.id), '[]'::json) as assignments,
	       coalesce((select json_agg(json_build_object('studentId', m.user_id, 'assignmentId', a.id, 'attempts', s.attempts, 'best', s.best, 'latest', s.latest, 'first', s.first))
	                 from assignments a
	                 join class_members m on m.class_id = a.class_id
	                 cross join lateral (
	                   select count(*)::int as attempts, max(q.score) as best,
	                          (array_agg(q.score order by q.submitted_at desc))[1] as latest, min(q.submitted_at) as first
	                   from quiz_attempts q
	                   where q.user_id = m.user_id and q.lesson_id = a.lesson_id and q.state = 'submitted' and q.submitted_at >= a.created_at
	                 ) as s
	                 where a.class_id = c.id and s.attempts > 0), '[]'::json) as cells
	from classes c
	where c.id = ${classId} and c.teacher_id = ${teacherId}`;

// attempt scores are stored as percentages; the gradebook works in 0–1
const cellsOf = (row: GradebookRow): GradebookCellInput[] =>
	row.cells.map((c) => ({ studentId: c.studentId, assignmentId: c.assignmentId, attempts: c.attempts, best: Number(c.best) / 100, latest: Number(c.latest) / 100, firstSubmittedAt: new Date(c.first) }));

/** The teacher's gradebook for one of their classes ("not found" for anyone else's). */
export async function loadGradebook(db: Database, teacherId: string, classId: string, now = new Date()) {
	const [row] = await selectRows<GradebookRow>(db, gradebookQuery(teacherId, classId));
	if (!row) throw classNotFound();
	const found: TeacherClass = {
		id: row.id,
		name: row.name,
		term: row.term,
		joinCode: row.joinCode,
		joiningOpen: row.joiningOpen,
		archivedAt: row.archivedAt === null ? null : new Date(row.archivedAt),
		createdAt: new Date(row.createdAt)
	};
	const assignments: ClassAssignment[] = row.assignments.map((a) => ({
		...a,
		dueAt: a.dueAt === null ? null : new Date(a.dueAt),
		createdAt: new Date(a.createdAt)
	}));
	return { class: found, assignments, ...buildGradebook(row.students, assignments, cellsOf(row), now) };
}
