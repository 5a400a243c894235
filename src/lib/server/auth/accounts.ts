import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { normaliseEmail } from './email';
import { hashPassword, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { generateSecureRandomString } from './token';
import type { Role, SessionUser } from './types';

export interface NewAccount {
	email: string;
	displayName: string;
	role: Role;
	password: string;
}

/** Creates the account, or says the (normalised) email already has one. */
export async function createAccount(
	db: Database,
	account: NewAccount
): Promise<{ ok: true; user: SessionUser } | { ok: false; reason: 'email-taken' }> {
	const user: SessionUser = {
		id: generateSecureRandomString(),
		email: normaliseEmail(account.email),
		displayName: account.displayName,
		role: account.role
	};
	const passwordHash = await hashPassword(account.password);
	// the unique index decides, so two sign-ups racing for one email cannot both win
	const inserted = await db
		.insert(users)
		.values({ ...user, passwordHash })
		.onConflictDoNothing({ target: users.email })
		.returning({ id: users.id });
	if (inserted.length === 0) return { ok: false, reason: 'email-taken' };
	return { ok: true, user };
}

export interface StoredCredentials {
	user: SessionUser;
	passwordHash: string;
}

export async function findCredentialsByEmail(db: Database, email: string): Promise<StoredCredentials | null> {
	const [row] = await db.select().from(users).where(eq(users.email, normaliseEmail(email)));
	if (!row) return null;
	const { passwordHash, id, displayName, role } = row;
	return { user: { id, email: row.email, displayName, role }, passwordHash };
}

export async function findCredentialsById(db: Database, userId: string): Promise<StoredCredentials | null> {
	const [row] = await db.select().from(users).where(eq(users.id, userId));
	if (!row) return null;
	const { passwordHash, id, email, displayName, role } = row;
	return { user: { id, email, displayName, role }, passwordHash };
}

export async function passwordMatches(db: Database, userId: string, password: string): Promise<boolean> {
	const stored = await findCredentialsById(db, userId);
	return stored !== null && (await verifyPassword(stored.passwordHash, password));
}

/**
 * Sets the new password and ends every session of the user, the one the change was made from
 * too: its browser gets a new token (`rotateSession`), so a copy of the old one stops working.
 * `endedSessions` counts the others.
 */
export async function changePassword(
	db: Database,
	userId: string,
	newPassword: string,
	currentSessionId: string | null
): Promise<{ endedSessions: number }> {
	const passwordHash = await hashPassword(newPassword);
	await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
	const ended = await invalidateUserSessions(db, userId);
	return { endedSessions: currentSessionId ? Math.max(0, ended - 1) : ended };
}

/**
 * Deletes the user; the schema's cascades remove their sessions, quiz attempts and answers,
 * progress, class memberships and the classes they teach.
 */
export async function deleteAccount(db: Database, userId: string): Promise<boolean> {
	const deleted = await db.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
	return deleted.length > 0;
}

export async function accountCreatedAt(db: Database, userId: string): Promise<Date | null> {
	const [row] = await db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId));
	return row?.createdAt ?? null;
}
