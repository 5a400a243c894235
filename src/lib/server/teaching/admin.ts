import { and, asc, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { classes, teacherInvitations, users } from '../db/schema';
import { generateSecureRandomString, hashSessionSecret } from '../auth/token';
import { resetToOneTimePassword } from './one-time-password';
import { TeachingError } from './errors';

/** The administrator's side: who teaches, invitations, password help for teachers. Accounts, never answers. */

export const INVITATION_DAYS = 14;

export async function pendingTeachers(db: Database) {
	return db
		.select({ id: users.id, displayName: users.displayName, email: users.email, requestedAt: users.teacherRequestedAt })
		.from(users)
		.where(and(isNotNull(users.teacherRequestedAt), eq(users.role, 'student')))
		.orderBy(asc(users.teacherRequestedAt));
}

/** Approves (the account becomes a teacher) or declines (it stays a student); either way the request is answered. */
export async function decideTeacherRequest(db: Database, userId: string, approve: boolean): Promise<{ displayName: string }> {
	const [row] = await db
		.update(users)
		.set({ role: approve ? 'teacher' : 'student', teacherRequestedAt: null })
		.where(and(eq(users.id, userId), isNotNull(users.teacherRequestedAt), eq(users.role, 'student')))
		.returning({ displayName: users.displayName });
	if (!row) throw new TeachingError(404, 'That request was not found; it may have been answered already.');
	return row;
}

/** A single-use link; the token is returned once and only its hash is kept. */
export async function createTeacherInvitation(db: Database, adminId: string, note: string, now = new Date()) {
	const token = generateSecureRandomString();
	const id = generateSecureRandomString();
	const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
	await db.insert(teacherInvitations).values({ id, tokenHash: hashSessionSecret(token), note, createdBy: adminId, createdAt: now, expiresAt });
	return { id, token, expiresAt };
}

export async function listInvitations(db: Database) {
	return db
		.select({
			id: teacherInvitations.id,
			note: teacherInvitations.note,
			createdAt: teacherInvitations.createdAt,
			expiresAt: teacherInvitations.expiresAt,
			usedAt: teacherInvitations.usedAt,
			usedBy: users.displayName
		})
		.from(teacherInvitations)
		.leftJoin(users, eq(users.id, teacherInvitations.usedBy))
		.orderBy(desc(teacherInvitations.createdAt))
		.limit(50);
}

export async function revokeInvitation(db: Database, invitationId: string): Promise<void> {
	const deleted = await db
		.delete(teacherInvitations)
		.where(and(eq(teacherInvitations.id, invitationId), isNull(teacherInvitations.usedAt)))
		.returning({ id: teacherInvitations.id });
	if (deleted.length === 0) throw new TeachingError(404, 'That invitation was not found, or it has been used.');
}

/** Every account with what an administrator needs to help: name, how they sign in, role, classes taught. */
export async function listAccounts(db: Database) {
	return db
		.select({
			id: users.id,
			displayName: users.displayName,
			email: users.email,
			username: users.username,
			role: users.role,
			createdAt: users.createdAt,
			classesTaught: sql<number>`(select count(*)::int from ${classes} where ${classes.teacherId} = ${users.id})`
		})
		.from(users)
		.orderBy(sql`case ${users.role} when 'admin' then 0 when 'teacher' then 1 else 2 end`, asc(users.displayName))
		.limit(1000);
}

/** The administrator resets a teacher's password (never their own here, nor a student's: their teacher does that). */
export async function resetTeacherPassword(db: Database, adminId: string, teacherId: string) {
	const [teacher] = await db
		.select({ id: users.id, displayName: users.displayName, email: users.email, username: users.username })
		.from(users)
		.where(and(eq(users.id, teacherId), eq(users.role, 'teacher'), ne(users.id, adminId)));
	if (!teacher) throw new TeachingError(404, 'No such teacher.');
	const password = await resetToOneTimePassword(db, teacher.id);
	return { displayName: teacher.displayName, login: teacher.email ?? teacher.username ?? '', password };
}

/** Whether the signed-in user asked to teach and waits for an answer. */
export async function teacherRequestPending(db: Database, userId: string): Promise<boolean> {
	const [row] = await db.select({ at: users.teacherRequestedAt }).from(users).where(eq(users.id, userId));
	return Boolean(row?.at);
}

/** For the command line: makes an existing account the administrator (a district's first one). */
export async function makeAdministrator(db: Database, login: string): Promise<{ displayName: string } | null> {
	const name = login.trim().toLowerCase();
	const [row] = await db
		.update(users)
		.set({ role: 'admin', teacherRequestedAt: null })
		.where(name.includes('@') ? eq(users.email, name) : eq(users.username, name))
		.returning({ displayName: users.displayName });
	return row ?? null;
}
