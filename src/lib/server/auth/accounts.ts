import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { teacherInvitations, users } from '../db/schema';
import { normaliseEmail } from './email';
import { hashPassword, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { generateSecureRandomString, hashSessionSecret } from './token';
import type { Role, SessionUser } from './types';

export interface NewAccount {
	email: string;
	displayName: string;
	/** what the person ticked; "teacher" counts only with an invitation (or once approved) */
	role: 'student' | 'teacher';
	password: string;
	/** the token from a teacher invitation link */
	invitation?: string;
}

/**
 * What the new account became: the installation's first account is its administrator; "Teacher"
 * with a valid invitation is a teacher; "Teacher" without one is a student waiting for approval.
 */
export type AccountKind = 'admin' | 'teacher' | 'pending-teacher' | 'student';

// any fixed number: sign-ups take turns through it so two first accounts cannot both become administrator
const FIRST_ACCOUNT_LOCK = 7_301_011;

/** Creates the account, or says the (normalised) email already has one. */
export async function createAccount(
	db: Database,
	account: NewAccount
): Promise<{ ok: true; user: SessionUser; kind: AccountKind } | { ok: false; reason: 'email-taken' | 'invitation-invalid' }> {
	const id = generateSecureRandomString();
	const email = normaliseEmail(account.email);
	const passwordHash = await hashPassword(account.password);
	try {
		return await db.transaction(async (tx) => {
			await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK})`);
			const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
			if (taken) return { ok: false as const, reason: 'email-taken' as const };
			const [anyone] = await tx.select({ id: users.id }).from(users).limit(1);
			const kind: AccountKind = !anyone
				? 'admin'
				: account.invitation
					? 'teacher'
					: account.role === 'teacher'
						? 'pending-teacher'
						: 'student';
			const role = kind === 'pending-teacher' ? 'student' : kind;
			await tx.insert(users).values({
				id,
				email,
				displayName: account.displayName,
				role,
				passwordHash,
				teacherRequestedAt: kind === 'pending-teacher' ? new Date() : null
			});
			if (kind === 'teacher') {
				const [used] = await tx
					.update(teacherInvitations)
					.set({ usedBy: id, usedAt: new Date() })
					.where(
						and(
							eq(teacherInvitations.tokenHash, hashSessionSecret(account.invitation!)),
							isNull(teacherInvitations.usedAt),
							gt(teacherInvitations.expiresAt, new Date())
						)
					)
					.returning({ id: teacherInvitations.id });
				// nothing is kept, so the person can ask for a new link instead of ending up a student
				if (!used) throw new InvalidInvitation();
			}
			const user: SessionUser = { id, email, username: null, displayName: account.displayName, role, mustChangePassword: false };
			return { ok: true as const, user, kind };
		});
	} catch (error) {
		if (error instanceof InvalidInvitation) return { ok: false, reason: 'invitation-invalid' };
		throw error;
	}
}

class InvalidInvitation extends Error {}

export interface StoredCredentials {
	user: SessionUser;
	passwordHash: string;
}

function toSessionUser(row: typeof users.$inferSelect): SessionUser {
	const { id, email, username, displayName, role, mustChangePassword } = row;
	return { id, email, username, displayName, role, mustChangePassword };
}

/** An email has an "@"; a username never does. */
export async function findCredentialsByLogin(db: Database, login: string): Promise<StoredCredentials | null> {
	const name = normaliseEmail(login);
	const [row] = await db
		.select()
		.from(users)
		.where(name.includes('@') ? eq(users.email, name) : eq(users.username, name));
	if (!row) return null;
	return { user: toSessionUser(row), passwordHash: row.passwordHash };
}


export async function findCredentialsById(db: Database, userId: string): Promise<StoredCredentials | null> {
	const [row] = await db.select().from(users).where(eq(users.id, userId));
	if (!row) return null;
	return { user: toSessionUser(row), passwordHash: row.passwordHash };
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
	await db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
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
