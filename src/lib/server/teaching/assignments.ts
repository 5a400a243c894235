import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { selectRows } from '../db/client';
import { assignments, classMembers, classes, lessons, questions } from '../db/schema';
import type { Executor } from '../quiz/attempts';
import { generateSecureRandomString } from '../auth/token';
import { assignmentStatus, type LearnerAssignment } from '../../teaching/assignment-status';

export type { LearnerAssignment };
import { loadOwnClass } from './classes';
import { TeachingError } from './errors';

export interface NewAssignment {
	lessonId: string;
	dueAt: Date | null;
	maxAttempts: number | null;
}

export async function createAssignment(db: Database, teacherId: string, classId: string, input: NewAssignment, now = new Date()) {
	const found = await loadOwnClass(db, teacherId, classId);
	if (found.archivedAt) throw new TeachingError(409, 'This class is archived: it can be read but no longer changed.');
	const [lesson] = await db.select({ id: lessons.id, title: lessons.title }).from(lessons).where(and(eq(lessons.id, input.lessonId), eq(lessons.active, true)));
	if (!lesson) throw new TeachingError(400, 'Choose a lesson from the list.');
	// a reading-only lesson (no question from its source passed the checks) has nothing to complete
	const [asked] = await db.select({ id: questions.id }).from(questions).where(and(eq(questions.lessonId, lesson.id), eq(questions.active, true))).limit(1);
	if (!asked) throw new TeachingError(400, `“${lesson.title}” has no quiz to assign: it is a reading lesson. Choose a lesson from the list.`);
	const [row] = await db
		.insert(assignments)
		.values({ id: generateSecureRandomString(), classId, lessonId: lesson.id, dueAt: input.dueAt, maxAttempts: input.maxAttempts, createdAt: now })
		.onConflictDoNothing()
		.returning({ id: assignments.id });
	if (!row) throw new TeachingError(409, `“${lesson.title}” is already assigned to this class.`);
	return { id: row.id, lessonTitle: lesson.title };
}

export async function removeAssignment(db: Database, teacherId: string, classId: string, assignmentId: string): Promise<void> {
	const found = await loadOwnClass(db, teacherId, classId);
	if (found.archivedAt) throw new TeachingError(409, 'This class is archived: it can be read but no longer changed.');
	const deleted = await db
		.delete(assignments)
		.where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId)))
		.returning({ id: assignments.id });
	if (deleted.length === 0) throw new TeachingError(404, 'No such assignment in this class.');
}

export interface ClassAssignment {
	id: string;
	lessonId: string;
	lessonTitle: string;
	lessonPosition: number;
	dueAt: Date | null;
	maxAttempts: number | null;
	createdAt: Date;
}

/** An assignment with its lesson's title and place in the course (queries join lessons for it). */
const assignmentColumns = {
	id: assignments.id,
	lessonId: assignments.lessonId,
	lessonTitle: lessons.title,
	lessonPosition: lessons.position,
	dueAt: assignments.dueAt,
	maxAttempts: assignments.maxAttempts,
	createdAt: assignments.createdAt
};

/** A class's assignments in course order. */
export async function classAssignments(db: Executor, classId: string): Promise<ClassAssignment[]> {
	return db
		.select(assignmentColumns)
		.from(assignments)
		.innerJoin(lessons, eq(lessons.id, assignments.lessonId))
		.where(eq(assignments.classId, classId))
		.orderBy(asc(lessons.position), asc(assignments.createdAt));
}

/** One assignment of the teacher's class, or "not found": one query, the class's ownership checked in it. */
export async function loadOwnAssignment(db: Database, teacherId: string, classId: string, assignmentId: string) {
	const [row] = await db
		.select({
			class: {
				id: classes.id,
				name: classes.name,
				term: classes.term,
				joinCode: classes.joinCode,
				joiningOpen: classes.joiningOpen,
				archivedAt: classes.archivedAt,
				createdAt: classes.createdAt
			},
			assignment: assignmentColumns
		})
		.from(assignments)
		.innerJoin(classes, eq(classes.id, assignments.classId))
		.innerJoin(lessons, eq(lessons.id, assignments.lessonId))
		.where(and(eq(assignments.id, assignmentId), eq(classes.id, classId), eq(classes.teacherId, teacherId)));
	if (!row) throw new TeachingError(404, 'No such assignment in this class.');
	return row;
}


/**
 * What the learner has been assigned in their current classes, with their own attempts only:
 * attempts count from the moment the lesson was assigned.
 */
export async function learnerAssignments(db: Database, userId: string, now = new Date()): Promise<LearnerAssignment[]> {
	const rows = await selectRows<{
		id: string;
		className: string;
		lessonId: string;
		lessonTitle: string;
		dueAt: string | null;
		maxAttempts: number | null;
		attemptsUsed: number;
		bestScore: number | null;
		// timestamps arrive as text from both drivers, also inside JSON
		submitted: string[] | null;
	}>(db, sql`
		select a.id, c.name as "className", a.lesson_id as "lessonId", l.title as "lessonTitle", a.due_at as "dueAt",
		       a.max_attempts as "maxAttempts",
		       (select count(*)::int from quiz_attempts q where q.user_id = m.user_id and q.lesson_id = a.lesson_id and q.started_at >= a.created_at) as "attemptsUsed",
		       (select max(q.score) from quiz_attempts q where q.user_id = m.user_id and q.lesson_id = a.lesson_id and q.state = 'submitted' and q.submitted_at >= a.created_at) as "bestScore",
		       (select json_agg(q.submitted_at) from quiz_attempts q where q.user_id = m.user_id and q.lesson_id = a.lesson_id and q.state = 'submitted' and q.submitted_at >= a.created_at) as submitted
		from class_members m
		join classes c on c.id = m.class_id and c.archived_at is null
		join assignments a on a.class_id = c.id
		join lessons l on l.id = a.lesson_id
		where m.user_id = ${userId}
		order by a.due_at asc nulls last, l.position asc`);
	return rows.map((r) => {
		const dueAt = r.dueAt === null ? null : new Date(r.dueAt);
		return {
			id: r.id,
			className: r.className,
			lessonId: r.lessonId,
			lessonTitle: r.lessonTitle,
			dueAt,
			maxAttempts: r.maxAttempts,
			attemptsUsed: r.attemptsUsed,
			// stored as a percentage
			bestScore: r.bestScore === null ? null : Number(r.bestScore) / 100,
			status: assignmentStatus(dueAt, (r.submitted ?? []).map((t) => new Date(t)), now)
		};
	});
}

/**
 * Refuses a new attempt when a class the learner is in has assigned this lesson with a limit
 * that is used up (attempts started since it was assigned). Called inside the start transaction.
 */
export async function attemptLimitProblem(exec: Executor, userId: string, lessonId: string): Promise<string | null> {
	const rows = await exec
		.select({
			className: classes.name,
			maxAttempts: assignments.maxAttempts,
			used: sql<number>`(select count(*)::int from quiz_attempts q where q.user_id = ${userId} and q.lesson_id = ${lessonId} and q.started_at >= ${assignments.createdAt})`
		})
		.from(classMembers)
		.innerJoin(classes, and(eq(classes.id, classMembers.classId), isNull(classes.archivedAt)))
		.innerJoin(assignments, and(eq(assignments.classId, classes.id), eq(assignments.lessonId, lessonId)))
		.where(and(eq(classMembers.userId, userId), sql`${assignments.maxAttempts} is not null`));
	const spent = rows.find((r) => r.maxAttempts !== null && r.used >= r.maxAttempts);
	if (!spent) return null;
	const n = spent.maxAttempts!;
	return `You have used all ${n} attempt${n === 1 ? '' : 's'} your teacher allows for this quiz in ${spent.className}.`;
}
