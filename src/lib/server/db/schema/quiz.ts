import { sql } from 'drizzle-orm';
import {
	check,
	foreignKey,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	unique,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { lessons, questionVersions } from './content';

/** One learner's go at a lesson's quiz (Moodle-style: attempt → one row per question). */
export const quizAttempts = pgTable(
	'quiz_attempts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id')
			.notNull()
			.references(() => lessons.id),
		attemptNumber: integer('attempt_number').notNull(),
		state: text('state', { enum: ['in_progress', 'submitted'] })
			.notNull()
			.default('in_progress'),
		// question and option order derive from this seed, so a reload shows the same attempt
		seed: integer('seed').notNull(),
		questionCount: integer('question_count').notNull(),
		score: real('score'),
		correctCount: integer('correct_count'),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		submittedAt: timestamp('submitted_at', { withTimezone: true })
	},
	(t) => [
		unique('quiz_attempts_number_uq').on(t.userId, t.lessonId, t.attemptNumber),
		// at most one open attempt per learner and lesson, even under concurrent starts
		uniqueIndex('quiz_attempts_open_uq')
			.on(t.userId, t.lessonId)
			.where(sql`${t.state} = 'in_progress'`),
		index('quiz_attempts_lesson_idx').on(t.lessonId, t.state, t.submittedAt),
		index('quiz_attempts_user_idx').on(t.userId, t.submittedAt),
		// gradebook, item analysis and exports: a student's submitted attempts at one lesson since it was assigned
		index('quiz_attempts_submitted_idx')
			.on(t.userId, t.lessonId, t.submittedAt)
			.where(sql`${t.state} = 'submitted'`),
		check('quiz_attempts_state_check', sql`${t.state} in ('in_progress', 'submitted')`)
	]
);

/** The learner's response to one question of an attempt, pinned to the version they saw. */
export const attemptAnswers = pgTable(
	'attempt_answers',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => quizAttempts.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionId: text('question_id').notNull(),
		questionVersion: integer('question_version').notNull(),
		response: jsonb('response'),
		// 0–1, set when graded
		fraction: real('fraction'),
		answeredAt: timestamp('answered_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.attemptId, t.position] }),
		unique('attempt_answers_question_uq').on(t.attemptId, t.questionId),
		foreignKey({
			columns: [t.questionId, t.questionVersion],
			foreignColumns: [questionVersions.questionId, questionVersions.version]
		}),
		index('attempt_answers_question_idx').on(t.questionId)
	]
);

export type QuizAttemptRow = typeof quizAttempts.$inferSelect;
export type AttemptAnswerRow = typeof attemptAnswers.$inferSelect;
