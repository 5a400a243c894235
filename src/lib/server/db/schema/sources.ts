import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { SourceSections } from '../../../content/source-view';

/** A source document as received (raw text never edited), with its metadata from sources.json. */
export const sources = pgTable('sources', {
	id: text('id').primaryKey(),
	fileName: text('file_name').notNull(),
	title: text('title').notNull(),
	kind: text('kind').notNull(),
	publisher: text('publisher').notNull(),
	published: text('published').notNull(),
	license: text('license').notNull(),
	rawText: text('raw_text').notNull(),
	// sha-256 of the raw text and metadata: start-up reloads a source only when this changes
	contentHash: text('content_hash').notNull(),
	// the cleaned text by section, paragraph and sentence, stored when content is generated: the
	// source viewer reads it instead of segmenting the raw text again at start-up
	view: jsonb('view').$type<SourceSections>(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export type SourceRow = typeof sources.$inferSelect;
