import { index, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { lessons } from './content';

/** A teacher's class: students join with a code; the gradebook reads across its members. */
export const classes = pgTable(
	'classes',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		teacherId: text('teacher_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinCode: text('join_code').notNull().unique(),
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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('assignments_class_lesson_uq').on(t.classId, t.lessonId)]
);

export type ClassRow = typeof classes.$inferSelect;
