import { index, integer, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { lessons } from './content';

/** Summary per learner and lesson; recomputable from attempts (the log), kept for fast pages. */
export const lessonProgress = pgTable(
	'lesson_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id')
			.notNull()
			.references(() => lessons.id),
		readAt: timestamp('read_at', { withTimezone: true }),
		attemptsSubmitted: integer('attempts_submitted').notNull().default(0),
		bestScore: real('best_score'),
		latestScore: real('latest_score'),
		lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.lessonId] }),
		index('lesson_progress_lesson_idx').on(t.lessonId)
	]
);

export type LessonProgressRow = typeof lessonProgress.$inferSelect;
