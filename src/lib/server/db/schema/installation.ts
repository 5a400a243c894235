import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Secrets of this installation, made on first start and never sent anywhere. `answer-keys` keys the
 * ids and orders a quiz page shows, so nothing the browser receives can be tested against an answer.
 */
export const installationSecrets = pgTable('installation_secrets', {
	name: text('name').primaryKey(),
	// base64url of 32 random bytes
	value: text('value').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
