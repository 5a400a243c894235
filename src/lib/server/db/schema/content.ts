import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { Citation } from '../../../content/question-types';

/** Generated content: lessons and the versioned question bank. */

export const lessons = pgTable('lessons', {
	id: text('id').primaryKey(),
	position: integer('position').notNull(),
	title: text('title').notNull(),
	summary: text('summary').notNull().default(''),
	// [{ id, text }]: learning objectives, referenced by questions.objective_id
	objectives: jsonb('objectives').notNull().$type<{ id: string; text: string }[]>(),
	// the generated lesson document (passages, timeline, figures, perspectives, disagreements)
	body: jsonb('body').notNull(),
	generatorVersion: text('generator_version').notNull(),
	contentHash: text('content_hash').notNull(),
	// a lesson no longer generated is retired, never deleted: attempts point at it
	active: boolean('active').notNull().default(true),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const questions = pgTable(
	'questions',
	{
		id: text('id').primaryKey(),
		lessonId: text('lesson_id')
			.notNull()
			.references(() => lessons.id),
		objectiveId: text('objective_id').notNull(),
		type: text('type').notNull(),
		currentVersion: integer('current_version').notNull(),
		active: boolean('active').notNull().default(true),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('questions_lesson_idx').on(t.lessonId, t.active)]
);

/** A question as a learner saw it. Never edited in place: a changed text makes a new version. */
export const questionVersions = pgTable(
	'question_versions',
	{
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		version: integer('version').notNull(),
		// what the page may show before submission: stem, options, items to order
		prompt: jsonb('prompt').notNull(),
		// the answer key: server-side only, never sent before the attempt is submitted
		answer: jsonb('answer').notNull(),
		explanation: text('explanation').notNull(),
		// the sentences (or spans) the question cites: [{ sourceId, sentenceId, start, end, text }]
		citations: jsonb('citations').notNull().$type<Citation[]>(),
		contentHash: text('content_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.questionId, t.version] }),
		uniqueIndex('question_versions_hash_uq').on(t.questionId, t.contentHash)
	]
);

export type LessonRow = typeof lessons.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;
export type QuestionVersionRow = typeof questionVersions.$inferSelect;
