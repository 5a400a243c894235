import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { classMembers, classes, users } from '../db/schema';
import { generateSecureRandomString } from '../auth/token';
import { generateJoinCode, isJoinCode, normaliseJoinCode } from '../../teaching/join-code';
import { displayNameFromRoster, uniqueUsername, usernameBase } from '../../teaching/roster';
import { hashPassword } from '../auth/password';
import { generateOneTimePassword, resetToOneTimePassword } from './one-time-password';
import { classNotFound, studentNotFound, TeachingError } from './errors';

export interface TeacherClass {
	id: string;
	name: string;
	term: string;
	joinCode: string;
	joiningOpen: boolean;
	archivedAt: Date | null;
	createdAt: Date;
}

const classColumns = {
	id: classes.id,
	name: classes.name,
	term: classes.term,
	joinCode: classes.joinCode,
	joiningOpen: classes.joiningOpen,
	archivedAt: classes.archivedAt,
	createdAt: classes.createdAt
};

/** Tries fresh codes until one is free: the unique index decides under concurrency. */
async function withFreshCode<T>(attempt: (code: string) => Promise<T | undefined>): Promise<T> {
	for (let tries = 0; tries < 10; tries++) {
		const result = await attempt(generateJoinCode());
		if (result !== undefined) return result;
	}
	throw new TeachingError(409, 'No free join code was found; try again.');
}

export async function createClass(db: Database, teacherId: string, name: string, term: string): Promise<TeacherClass> {
	const id = generateSecureRandomString();
	return withFreshCode(async (joinCode) => {
		const [row] = await db.insert(classes).values({ id, name, term, teacherId, joinCode }).onConflictDoNothing().returning(classColumns);
		return row;
	});
}

/** The teacher's classes with member counts: current first, then archived. */
export async function listTeacherClasses(db: Database, teacherId: string) {
	return db
		.select({ ...classColumns, students: sql<number>`(select count(*)::int from ${classMembers} where ${classMembers.classId} = ${classes.id})` })
		.from(classes)
		.where(eq(classes.teacherId, teacherId))
		.orderBy(sql`${classes.archivedAt} is not null`, desc(classes.createdAt));
}

/** A class of this teacher, or "not found": another teacher's class is not even confirmed to exist. */
export async function loadOwnClass(db: Database, teacherId: string, classId: string): Promise<TeacherClass> {
	const [row] = await db.select(classColumns).from(classes).where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)));
	if (!row) throw classNotFound();
	return row;
}

async function ownOpenClass(db: Database, teacherId: string, classId: string): Promise<TeacherClass> {
	const found = await loadOwnClass(db, teacherId, classId);
	if (found.archivedAt) throw new TeachingError(409, 'This class is archived: it can be read but no longer changed.');
	return found;
}

export async function rotateJoinCode(db: Database, teacherId: string, classId: string): Promise<string> {
	await ownOpenClass(db, teacherId, classId);
	return withFreshCode(async (joinCode) => {
		try {
			await db.update(classes).set({ joinCode }).where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)));
			return joinCode;
		} catch (error) {
			// another class took this code at the same moment
			if (String((error as { code?: string }).code ?? '') === '23505') return undefined;
			throw error;
		}
	});
}

export async function setJoiningOpen(db: Database, teacherId: string, classId: string, open: boolean): Promise<void> {
	await ownOpenClass(db, teacherId, classId);
	await db.update(classes).set({ joiningOpen: open }).where(eq(classes.id, classId));
}

/** End of term: read-only from now on, and closed to joining. */
export async function archiveClass(db: Database, teacherId: string, classId: string, now = new Date()): Promise<void> {
	await ownOpenClass(db, teacherId, classId);
	await db.update(classes).set({ archivedAt: now, joiningOpen: false }).where(eq(classes.id, classId));
}

export async function classRoster(db: Database, classId: string) {
	return db
		.select({
			id: users.id,
			displayName: users.displayName,
			username: users.username,
			hasEmail: sql<boolean>`${users.email} is not null`,
			mustChangePassword: users.mustChangePassword,
			joinedAt: classMembers.joinedAt
		})
		.from(classMembers)
		.innerJoin(users, eq(users.id, classMembers.userId))
		.where(eq(classMembers.classId, classId))
		.orderBy(asc(users.displayName), asc(users.id));
}

/** A member of the teacher's class, or "not found". */
export async function loadClassStudent(db: Database, teacherId: string, classId: string, studentId: string) {
	await loadOwnClass(db, teacherId, classId);
	const [student] = await db
		.select({ id: users.id, displayName: users.displayName, username: users.username, email: users.email, role: users.role })
		.from(classMembers)
		.innerJoin(users, eq(users.id, classMembers.userId))
		.where(and(eq(classMembers.classId, classId), eq(classMembers.userId, studentId)));
	if (!student) throw studentNotFound();
	return student;
}

export async function removeStudent(db: Database, teacherId: string, classId: string, studentId: string): Promise<string> {
	await ownOpenClass(db, teacherId, classId);
	const student = await loadClassStudent(db, teacherId, classId, studentId);
	await db.delete(classMembers).where(and(eq(classMembers.classId, classId), eq(classMembers.userId, studentId)));
	return student.displayName;
}

export type JoinOutcome = { joined: true; className: string } | { joined: false; message: string };

/** A signed-in learner joins with a code read out in class. */
export async function joinClassWithCode(db: Database, userId: string, typed: string): Promise<JoinOutcome> {
	const code = normaliseJoinCode(typed);
	const notACode = 'That is not a class code. Codes have six letters and digits, like KQ7-M3P.';
	if (!isJoinCode(code)) return { joined: false, message: notACode };
	const [found] = await db
		.select({ id: classes.id, name: classes.name, teacherId: classes.teacherId, joiningOpen: classes.joiningOpen, archivedAt: classes.archivedAt })
		.from(classes)
		.where(eq(classes.joinCode, code));
	if (!found) return { joined: false, message: 'No class has that code. Check it with your teacher.' };
	if (!found.joiningOpen || found.archivedAt) return { joined: false, message: `${found.name} is closed to joining. Ask your teacher.` };
	if (found.teacherId === userId) return { joined: false, message: 'You teach this class.' };
	await db.insert(classMembers).values({ classId: found.id, userId }).onConflictDoNothing();
	return { joined: true, className: found.name };
}

/** The classes a learner is in (for their own page): never who else is in them. */
export async function learnerClasses(db: Database, userId: string) {
	return db
		.select({ id: classes.id, name: classes.name, term: classes.term, teacher: users.displayName, archivedAt: classes.archivedAt })
		.from(classMembers)
		.innerJoin(classes, eq(classes.id, classMembers.classId))
		.innerJoin(users, eq(users.id, classes.teacherId))
		.where(eq(classMembers.userId, userId))
		.orderBy(sql`${classes.archivedAt} is not null`, asc(classes.name));
}

export interface RosterCard {
	displayName: string;
	username: string;
	password: string;
}

/**
 * Creates a student account per name (a generated username, a one-time password to replace at
 * first sign-in) and puts them in the class. The passwords exist only in the returned cards.
 */
export async function addRosterStudents(db: Database, teacherId: string, classId: string, names: readonly string[]): Promise<RosterCard[]> {
	await ownOpenClass(db, teacherId, classId);
	const prepared = await Promise.all(
		names.map(async (name) => {
			const password = generateOneTimePassword();
			return { displayName: displayNameFromRoster(name), base: usernameBase(displayNameFromRoster(name)), password, passwordHash: await hashPassword(password) };
		})
	);
	for (let tries = 0; tries < 5; tries++) {
		try {
			return await db.transaction(async (tx) => {
				const bases = [...new Set(prepared.map((p) => p.base))];
				const existing = await tx
					.select({ username: users.username })
					.from(users)
					.where(sql`${users.username} ~ ${`^(${bases.map(escapeRegex).join('|')})[0-9]*$`}`);
				const taken = new Set(existing.map((r) => r.username!));
				const cards: RosterCard[] = [];
				const rows = prepared.map((p) => {
					const username = uniqueUsername(p.base, taken);
					taken.add(username);
					cards.push({ displayName: p.displayName, username, password: p.password });
					return { id: generateSecureRandomString(), username, displayName: p.displayName, role: 'student' as const, passwordHash: p.passwordHash, mustChangePassword: true };
				});
				await tx.insert(users).values(rows);
				await tx.insert(classMembers).values(rows.map((r) => ({ classId, userId: r.id })));
				return cards;
			});
		} catch (error) {
			// a username taken by a concurrent roster: pick again
			if (String((error as { code?: string }).code ?? '') !== '23505') throw error;
		}
	}
	throw new TeachingError(409, 'The accounts could not be created because of another request at the same moment; try again.');
}

function escapeRegex(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A teacher resets the password of a student in their class: a new one-time password, sessions ended. */
export async function resetStudentPassword(db: Database, teacherId: string, classId: string, studentId: string): Promise<RosterCard> {
	const student = await loadClassStudent(db, teacherId, classId, studentId);
	// a teacher or the administrator sitting in a class is helped by the administrator, not by a colleague
	if (student.role !== 'student') throw new TeachingError(403, 'Only the administrator can reset a teacher’s password.');
	const password = await resetToOneTimePassword(db, student.id);
	return { displayName: student.displayName, username: student.username ?? student.email ?? '', password };
}
