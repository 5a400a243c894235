import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { classMembers, sessions, users } from '../../src/lib/server/db/schema';
import type { Database } from '../../src/lib/server/db/client';
import { createAccount } from '../../src/lib/server/auth/accounts';
import { checkCredentials } from '../../src/lib/server/auth/sign-in';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { createTeacherInvitation, decideTeacherRequest, pendingTeachers, resetTeacherPassword } from '../../src/lib/server/teaching/admin';
import {
	addRosterStudents,
	archiveClass,
	classRoster,
	createClass,
	joinClassWithCode,
	learnerClasses,
	removeStudent,
	resetStudentPassword,
	rotateJoinCode,
	setJoiningOpen
} from '../../src/lib/server/teaching/classes';
import { TeachingError } from '../../src/lib/server/teaching/errors';
import { formatJoinCode, JOIN_CODE_ALPHABET } from '../../src/lib/teaching/join-code';
import { describeEachDatabase } from '../helpers/databases';

const PASSWORD = 'tangerine glacier 42';

async function refused(promise: Promise<unknown>, status: number, message?: RegExp) {
	const error = await promise.then(() => null, (e: unknown) => e);
	expect(error).toBeInstanceOf(TeachingError);
	expect((error as TeachingError).status).toBe(status);
	if (message) expect((error as TeachingError).message).toMatch(message);
}

async function signUp(db: Database, name: string, role: 'student' | 'teacher', invitation?: string) {
	const created = await createAccount(db, { email: `${name}@school.example`, displayName: name, role, password: PASSWORD, invitation });
	if (!created.ok) throw new Error(created.reason);
	return created;
}

async function sessionOf(db: Database, userId: string) {
	return (await createSession(db, userId, { userAgent: 'test', ipAddress: '127.0.0.1' })).token;
}

describeEachDatabase('who is a teacher', (getDb) => {
	it('makes the first account the administrator, and a "Teacher" without invitation a student until approved', async () => {
		const { db } = getDb().handle;
		const first = await signUp(db, 'ada', 'student');
		expect(first.kind).toBe('admin');
		expect(first.user.role).toBe('admin');

		const hopeful = await signUp(db, 'bea', 'teacher');
		expect(hopeful.kind).toBe('pending-teacher');
		expect(hopeful.user.role).toBe('student');
		expect((await pendingTeachers(db)).map((p) => p.displayName)).toEqual(['bea']);

		await decideTeacherRequest(db, hopeful.user.id, true);
		const [row] = await db.select({ role: users.role, requested: users.teacherRequestedAt }).from(users).where(eq(users.id, hopeful.user.id));
		expect(row).toEqual({ role: 'teacher', requested: null });
		expect(await pendingTeachers(db)).toEqual([]);
		// answered once: a second decision finds nothing
		await refused(decideTeacherRequest(db, hopeful.user.id, false), 404);

		const declined = await signUp(db, 'cal', 'teacher');
		await decideTeacherRequest(db, declined.user.id, false);
		const [after] = await db.select({ role: users.role }).from(users).where(eq(users.id, declined.user.id));
		expect(after.role).toBe('student');

		const plain = await signUp(db, 'dan', 'student');
		expect(plain.kind).toBe('student');
	});

	it('gives a teacher account through an invitation link, once, and refuses a used or unknown one', async () => {
		const { db } = getDb().handle;
		const admin = (await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')))[0];
		const { token } = await createTeacherInvitation(db, admin.id, 'for Eve');
		const eve = await signUp(db, 'eve', 'student', token);
		expect(eve.kind).toBe('teacher');
		expect(eve.user.role).toBe('teacher');
		const again = await createAccount(db, { email: 'fay@school.example', displayName: 'fay', role: 'teacher', password: PASSWORD, invitation: token });
		expect(again).toEqual({ ok: false, reason: 'invitation-invalid' });
		// nothing was created for the refused sign-up
		expect(await db.select().from(users).where(eq(users.email, 'fay@school.example'))).toEqual([]);
		const expired = await createTeacherInvitation(db, admin.id, 'old', new Date(Date.now() - 15 * 86_400_000));
		expect(await createAccount(db, { email: 'gil@school.example', displayName: 'gil', role: 'teacher', password: PASSWORD, invitation: expired.token })).toEqual({
			ok: false,
			reason: 'invitation-invalid'
		});
	});

	it('lets the administrator reset a teacher’s password: one-time, sessions ended; never a student’s', async () => {
		const { db } = getDb().handle;
		const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
		const [teacher] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'eve@school.example'));
		const token = await sessionOf(db, teacher.id);
		const card = await resetTeacherPassword(db, admin.id, teacher.id);
		expect(card.login).toBe('eve@school.example');
		expect((await validateSessionToken(db, token)).session).toBeNull();
		expect((await checkCredentials(db, 'eve@school.example', PASSWORD, '10.0.0.1')).kind).toBe('wrong');
		const signedIn = await checkCredentials(db, 'eve@school.example', card.password, '10.0.0.1');
		expect(signedIn.kind === 'ok' && signedIn.user.mustChangePassword).toBe(true);
		const [student] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'dan@school.example'));
		await refused(resetTeacherPassword(db, admin.id, student.id), 404);
		await refused(resetTeacherPassword(db, admin.id, admin.id), 404);
	});
});

describeEachDatabase('classes and rosters', (getDb) => {
	let teacherId = '';
	let otherTeacherId = '';
	let studentId = '';
	let classId = '';
	let code = '';

	it('creates a class with a readable join code', async () => {
		const { db } = getDb().handle;
		await signUp(db, 'admin', 'student');
		teacherId = (await signUp(db, 'tess', 'teacher')).user.id;
		otherTeacherId = (await signUp(db, 'otto', 'teacher')).user.id;
		await db.update(users).set({ role: 'teacher' }).where(eq(users.id, teacherId));
		await db.update(users).set({ role: 'teacher' }).where(eq(users.id, otherTeacherId));
		studentId = (await signUp(db, 'sam', 'student')).user.id;
		const created = await createClass(db, teacherId, 'Civics 9B', 'Autumn 2026');
		classId = created.id;
		code = created.joinCode;
		expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
		expect(code).not.toMatch(/[01OI]/);
	});

	it('lets a student join with the code as typed (any case, spaces, dash), once', async () => {
		const { db } = getDb().handle;
		const typed = ` ${formatJoinCode(code).toLowerCase()} `;
		expect(await joinClassWithCode(db, studentId, typed)).toEqual({ joined: true, className: 'Civics 9B' });
		expect(await joinClassWithCode(db, studentId, typed)).toEqual({ joined: true, className: 'Civics 9B' });
		expect((await classRoster(db, classId)).map((s) => s.displayName)).toEqual(['sam']);
		expect((await learnerClasses(db, studentId)).map((c) => c.name)).toEqual(['Civics 9B']);
		expect(await joinClassWithCode(db, studentId, 'nonsense')).toMatchObject({ joined: false, message: expect.stringMatching(/not a class code/) });
		expect(await joinClassWithCode(db, studentId, 'ZZZ-ZZZ')).toMatchObject({ joined: false, message: expect.stringMatching(/No class has that code/) });
	});

	it('rotating the code retires the old one; closing joining refuses newcomers', async () => {
		const { db } = getDb().handle;
		const newcomer = (await signUp(db, 'nia', 'student')).user.id;
		const fresh = await rotateJoinCode(db, teacherId, classId);
		expect(fresh).not.toBe(code);
		expect(await joinClassWithCode(db, newcomer, code)).toMatchObject({ joined: false });
		await setJoiningOpen(db, teacherId, classId, false);
		expect(await joinClassWithCode(db, newcomer, fresh)).toMatchObject({ joined: false, message: expect.stringMatching(/closed to joining/) });
		await setJoiningOpen(db, teacherId, classId, true);
		expect(await joinClassWithCode(db, newcomer, fresh)).toMatchObject({ joined: true });
		code = fresh;
		// another teacher cannot touch this class: it does not exist for them
		await refused(rotateJoinCode(db, otherTeacherId, classId), 404);
		await refused(setJoiningOpen(db, otherTeacherId, classId, false), 404);
	});

	it('creates roster accounts with usernames and one-time passwords that must be changed at first sign-in', async () => {
		const { db } = getDb().handle;
		const cards = await addRosterStudents(db, teacherId, classId, ['José María López', 'Lopez, Ana', 'José López', '李小龍']);
		expect(cards.map((c) => c.username)).toEqual(['jose.lopez', 'ana.lopez', 'jose.lopez2', 'student']);
		expect(cards[1].displayName).toBe('Ana Lopez');
		for (const card of cards) expect(card.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
		const signedIn = await checkCredentials(db, 'Jose.Lopez', cards[0].password, '10.0.0.2');
		expect(signedIn.kind).toBe('ok');
		if (signedIn.kind === 'ok') expect(signedIn.user).toMatchObject({ email: null, username: 'jose.lopez', mustChangePassword: true });
		const roster = await classRoster(db, classId);
		expect(roster).toHaveLength(6);
		// usernames stay unique across classes and teachers
		const other = await createClass(db, otherTeacherId, 'History', '');
		const more = await addRosterStudents(db, otherTeacherId, other.id, ['Jose Lopez']);
		expect(more[0].username).toBe('jose.lopez3');
		// a roster for someone else's class changes nothing
		await refused(addRosterStudents(db, otherTeacherId, classId, ['Intruder']), 404);
		expect(await db.select().from(users).where(eq(users.displayName, 'Intruder'))).toEqual([]);
	});

	it('lets the teacher reset a student’s password (sessions ended), but not another teacher’s students', async () => {
		const { db } = getDb().handle;
		const token = await sessionOf(db, studentId);
		const card = await resetStudentPassword(db, teacherId, classId, studentId);
		expect(card.username).toBe('sam@school.example');
		expect((await validateSessionToken(db, token)).session).toBeNull();
		const signedIn = await checkCredentials(db, 'sam@school.example', card.password, '10.0.0.3');
		expect(signedIn.kind === 'ok' && signedIn.user.mustChangePassword).toBe(true);
		await refused(resetStudentPassword(db, otherTeacherId, classId, studentId), 404);
		// a teacher sitting in a colleague's class is helped by the administrator
		await joinClassWithCode(db, otherTeacherId, code);
		await refused(resetStudentPassword(db, teacherId, classId, otherTeacherId), 403);
		expect(await db.select().from(sessions).where(eq(sessions.userId, otherTeacherId))).toEqual([]);
	});

	it('removes a student from the class (their account stays), and an archived class changes no more', async () => {
		const { db } = getDb().handle;
		await refused(removeStudent(db, otherTeacherId, classId, studentId), 404);
		expect(await removeStudent(db, teacherId, classId, studentId)).toBe('sam');
		expect(await db.select().from(classMembers).where(eq(classMembers.userId, studentId))).toEqual([]);
		expect(await db.select({ id: users.id }).from(users).where(eq(users.id, studentId))).toHaveLength(1);
		await refused(removeStudent(db, teacherId, classId, studentId), 404);

		await archiveClass(db, teacherId, classId);
		await refused(rotateJoinCode(db, teacherId, classId), 409, /archived/);
		await refused(addRosterStudents(db, teacherId, classId, ['Late Comer']), 409);
		expect(await joinClassWithCode(db, studentId, code)).toMatchObject({ joined: false, message: expect.stringMatching(/closed to joining/) });
	});
});
