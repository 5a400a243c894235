import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { questions } from './content';

/**
 * Spaced review: one card per learner and question they missed (or answered slowly), scheduled by
 * FSRS (ts-fsrs). The columns are ts-fsrs's Card; the review log below is the history it came from.
 */
export const reviewCards = pgTable(
	'review_cards',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		// why it entered the queue: a wrong answer or a slow right one in a quiz
		reason: text('reason', { enum: ['missed', 'slow'] }).notNull(),
		due: timestamp('due', { withTimezone: true }).notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		// ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning
		state: integer('state').notNull(),
		lastReview: timestamp('last_review', { withTimezone: true }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.questionId] }),
		index('review_cards_due_idx').on(t.userId, t.due),
		check('review_cards_reason_check', sql`${t.reason} in ('missed', 'slow')`),
		check('review_cards_state_check', sql`${t.state} between 0 and 3`)
	]
);

/** Every review answered on the review page: the log the cards' schedule comes from. */
export const reviewLogs = pgTable(
	'review_logs',
	{
		id: serial('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		questionVersion: integer('question_version').notNull(),
		response: jsonb('response'),
		fraction: real('fraction').notNull(),
		// ts-fsrs Rating: 1 again, 2 hard, 3 good, 4 easy
		rating: integer('rating').notNull(),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('review_logs_user_idx').on(t.userId, t.reviewedAt)]
);

export type ReviewCardRow = typeof reviewCards.$inferSelect;
