import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	// node-postgres returns a Buffer, PGlite a Uint8Array: both are Uint8Array
	fromDriver: (value) => new Uint8Array(value)
});

export const users = pgTable(
	'users',
	{
		id: text('id').primaryKey(),
		// stored trimmed and lower-cased; null for a student a teacher added by name (they sign in with a username)
		email: text('email').unique(),
		// lower-case letters, digits and dots; generated for roster students
		username: text('username').unique(),
		displayName: text('display_name').notNull(),
		// the administrator also teaches
		role: text('role', { enum: ['student', 'teacher', 'admin'] }).notNull(),
		passwordHash: text('password_hash').notNull(),
		// a one-time password (roster, reset) must be replaced at the next sign-in
		mustChangePassword: boolean('must_change_password').notNull().default(false),
		// ticked "Teacher" without an invitation: a student until the administrator approves
		teacherRequestedAt: timestamp('teacher_requested_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('users_role_check', sql`${t.role} in ('student', 'teacher', 'admin')`),
		check('users_login_check', sql`${t.email} is not null or ${t.username} is not null`),
		index('users_teacher_requested_idx').on(t.teacherRequestedAt)
	]
);

/** A link the administrator hands to a teacher: signing up through it makes a teacher account. */
export const teacherInvitations = pgTable(
	'teacher_invitations',
	{
		id: text('id').primaryKey(),
		// sha-256 of the token in the link; the token itself is shown once
		tokenHash: bytea('token_hash').notNull().unique(),
		note: text('note').notNull().default(''),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
		usedAt: timestamp('used_at', { withTimezone: true })
	}
);

/** Lucia-guide sessions: the cookie carries `<id>.<secret>`; only sha-256(secret) is stored. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: bytea('secret_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		userAgent: text('user_agent').notNull().default(''),
		ipAddress: text('ip_address').notNull().default('')
	},
	(t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]
);

/** Throttle counts per key ('pair:<email>|<address>', 'account:<email>', 'ip:<address>', 'signup:<address>'; see auth/throttle.ts), in the database so they hold across app servers. */
export const signInThrottles = pgTable('sign_in_throttles', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
	lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
	lockedUntil: timestamp('locked_until', { withTimezone: true })
});

export type UserRow = typeof users.$inferSelect;
export type TeacherInvitationRow = typeof teacherInvitations.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
