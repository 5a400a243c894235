import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { lessons } from './content';

/** A teacher's class: students join with a code; the gradebook reads across its members. */
export const classes = pgTable(
	'classes',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		term: text('term').notNull().default(''),
		teacherId: text('teacher_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		// read aloud in class: no 0/O or 1/I
		joinCode: text('join_code').notNull().unique(),
		joiningOpen: boolean('joining_open').notNull().default(true),
		// archived at the end of term: read-only, no joining, listed apart
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('classes_teacher_idx').on(t.teacherId)]
);

export const classMembers = pgTable(
	'class_members',
	{
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.classId, t.userId] }),
		index('class_members_user_idx').on(t.userId)
	]
);

/** A lesson's quiz set for a class; attempts count from the moment it is assigned. */
export const assignments = pgTable(
	'assignments',
	{
		id: text('id').primaryKey(),
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id')
			.notNull()
			.references(() => lessons.id),
		dueAt: timestamp('due_at', { withTimezone: true }),
		// null: as many attempts as the learner likes
		maxAttempts: integer('max_attempts'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('assignments_class_lesson_uq').on(t.classId, t.lessonId),
		index('assignments_lesson_idx').on(t.lessonId),
		check('assignments_max_attempts_check', sql`${t.maxAttempts} is null or ${t.maxAttempts} between 1 and 100`)
	]
);

export type ClassRow = typeof classes.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
