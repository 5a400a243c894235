import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { lessons, quizAttempts, sessions, users } from '../../src/lib/server/db/schema';
import {
	changePassword,
	createAccount,
	deleteAccount,
	passwordMatches
} from '../../src/lib/server/auth/accounts';
import {
	createSession,
	deleteExpiredSessions,
	invalidateSession,
	invalidateUserSession,
	invalidateUserSessions,
	listUserSessions,
	rotateSession,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { hashSessionSecret, parseSessionToken } from '../../src/lib/server/auth/token';
import { namedStatement } from '../../src/lib/server/db/named-statement';
import { describeEachDatabase } from '../helpers/databases';

const DAY = 24 * 60 * 60 * 1000;
const client = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', ipAddress: '192.0.2.7' };
let counter = 0;

describeEachDatabase('auth sessions', (getDb) => {
	async function newUser(role: 'student' | 'teacher' = 'student') {
		const { db } = getDb().handle;
		counter += 1;
		const created = await createAccount(db, {
			email: ` Learner${counter}@School.example `,
			displayName: `Learner ${counter}`,
			role,
			password: 'tangerine glacier 42'
		});
		if (!created.ok) throw new Error('account not created');
		return created.user;
	}

	it('creates a session whose token validates to its user, storing only the hash of the secret', async () => {
		const { db } = getDb().handle;
		const user = await newUser();
		expect(user.email).toBe(`learner${counter}@school.example`);
		const { token, session } = await createSession(db, user.id, client);
		const parts = parseSessionToken(token)!;
		const [row] = await db.select().from(sessions).where(eq(sessions.id, session.id));
		expect(row.secretHash).toEqual(hashSessionSecret(parts.secret));
		expect(JSON.stringify(row)).not.toContain(parts.secret);
		expect(row.userAgent).toBe(client.userAgent);
		expect(row.ipAddress).toBe(client.ipAddress);

		const result = await validateSessionToken(db, token);
		expect(result.user).toEqual(user);
		// the dates come back exactly as stored, to the millisecond
		expect(result.session).toEqual({ ...session, fresh: false });
	});

	it('refuses a token whose secret is wrong, and leaves the session in place', async () => {
		const { db } = getDb().handle;
		const user = await newUser();
		const { token, session } = await createSession(db, user.id, client);
		const forged = `${session.id}.${'a'.repeat(32)}`;
		expect(await validateSessionToken(db, forged)).toEqual({ session: null, user: null });
		expect(await validateSessionToken(db, 'garbage')).toEqual({ session: null, user: null });
		expect((await validateSessionToken(db, token)).user?.id).toBe(user.id);
	});

	it('moves the idle expiry on with each visit, but never past 30 days from sign-in', async () => {
		const { db } = getDb().handle;
		const user = await newUser();
		const start = new Date('2026-01-10T09:00:00Z');
		const { token, session } = await createSession(db, user.id, client, start);
		expect(session.expiresAt).toEqual(new Date(start.getTime() + 7 * DAY));

		// a visit within five minutes writes nothing
		const minute = new Date(start.getTime() + 60_000);
		expect((await validateSessionToken(db, token, minute)).session).toMatchObject({ fresh: false, expiresAt: session.expiresAt });

		// a learner who visits every six days stays signed in ...
		let visit = start;
		for (let day = 6; day <= 18; day += 6) {
			visit = new Date(start.getTime() + day * DAY);
			const result = await validateSessionToken(db, token, visit);
			expect(result.session).toMatchObject({ fresh: true, lastSeenAt: visit, expiresAt: new Date(visit.getTime() + 7 * DAY) });
		}
		const [row] = await db.select().from(sessions).where(eq(sessions.id, session.id));
		expect(row).toMatchObject({ lastSeenAt: visit, expiresAt: new Date(visit.getTime() + 7 * DAY) });
		// ... until 30 days after signing in, however active
		const day24 = new Date(start.getTime() + 24 * DAY);
		expect((await validateSessionToken(db, token, day24)).session).toMatchObject({ fresh: true, expiresAt: new Date(start.getTime() + 30 * DAY) });
		const day29 = new Date(start.getTime() + 29 * DAY);
		expect((await validateSessionToken(db, token, day29)).session).toMatchObject({ fresh: false, expiresAt: new Date(start.getTime() + 30 * DAY) });
		expect(await validateSessionToken(db, token, new Date(start.getTime() + 30 * DAY))).toEqual({ session: null, user: null });
		expect(await db.select().from(sessions).where(eq(sessions.id, session.id))).toEqual([]);
	});

	it('ends a session left idle for a week', async () => {
		const { db } = getDb().handle;
		const user = await newUser();
		const start = new Date('2026-01-12T09:00:00Z');
		const { token } = await createSession(db, user.id, client, start);
		expect((await validateSessionToken(db, token, new Date(start.getTime() + 7 * DAY - 60_000))).user?.id).toBe(user.id);
		const idle = await createSession(db, user.id, client, start);
		expect(await validateSessionToken(db, idle.token, new Date(start.getTime() + 7 * DAY))).toEqual({ session: null, user: null });
	});

	it('gives a new token on signing in again, and the token the browser had stops working', async () => {
		const { db } = getDb().handle;
		const user = await newUser();
		const before = await createSession(db, user.id, client);
		const after = await rotateSession(db, user.id, before.session.id, client);
		expect(after.token).not.toBe(before.token);
		expect((await validateSessionToken(db, before.token)).session).toBeNull();
		expect((await validateSessionToken(db, after.token)).user?.id).toBe(user.id);
	});

	it('deletes an expired session when it is presented, and sweeps ones nobody presents', async () => {
		const { db } = getDb().handle;
		const user = await newUser();
		const start = new Date('2026-02-01T09:00:00Z');
		const presented = await createSession(db, user.id, client, start);
		const forgotten = await createSession(db, user.id, client, start);
		const current = await createSession(db, user.id, client);
		const afterExpiry = new Date(start.getTime() + 7 * DAY);

		expect(await validateSessionToken(db, presented.token, afterExpiry)).toEqual({ session: null, user: null });
		expect(await db.select().from(sessions).where(eq(sessions.id, presented.session.id))).toEqual([]);

		expect(await deleteExpiredSessions(db, afterExpiry)).toBeGreaterThanOrEqual(1);
		expect(await db.select().from(sessions).where(eq(sessions.id, forgotten.session.id))).toEqual([]);
		expect((await validateSessionToken(db, current.token)).user?.id).toBe(user.id);
	});

	it('ends a session on sign-out, and lets a user end only their own sessions', async () => {
		const { db } = getDb().handle;
		const ana = await newUser();
		const ben = await newUser();
		const anaPhone = await createSession(db, ana.id, client);
		const anaLaptop = await createSession(db, ana.id, client);
		const benLaptop = await createSession(db, ben.id, client);

		await invalidateSession(db, anaPhone.session.id);
		expect((await validateSessionToken(db, anaPhone.token)).session).toBeNull();

		expect(await invalidateUserSession(db, ana.id, benLaptop.session.id)).toBe(false);
		expect((await validateSessionToken(db, benLaptop.token)).user?.id).toBe(ben.id);
		expect(await invalidateUserSession(db, ana.id, anaLaptop.session.id)).toBe(true);
		expect((await validateSessionToken(db, anaLaptop.token)).session).toBeNull();
	});

	it('lists a user’s live sessions, most recently seen first, and ends all others on request', async () => {
		const { db } = getDb().handle;
		const user = await newUser();
		const now = new Date();
		const older = await createSession(db, user.id, { ...client, userAgent: 'old phone' }, new Date(now.getTime() - 2 * DAY));
		const current = await createSession(db, user.id, client, now);
		await createSession(db, user.id, client, new Date(now.getTime() - 40 * DAY));
		const listed = await listUserSessions(db, user.id, now);
		expect(listed.map((s) => s.id)).toEqual([current.session.id, older.session.id]);
		expect(listed[1].userAgent).toBe('old phone');
		expect(listed[0]).not.toHaveProperty('secretHash');

		expect(await invalidateUserSessions(db, user.id, current.session.id)).toBe(2);
		expect((await listUserSessions(db, user.id, now)).map((s) => s.id)).toEqual([current.session.id]);
	});

	it('ends every session when the password changes, the one that changed it too, which gets a new token', async () => {
		const { db } = getDb().handle;
		const user = await newUser();
		const here = await createSession(db, user.id, client);
		const elsewhere = await createSession(db, user.id, client);
		const stranger = await newUser();
		const strangers = await createSession(db, stranger.id, client);

		const { endedSessions } = await changePassword(db, user.id, 'violet harbour 19', here.session.id);
		expect(endedSessions).toBe(1);
		expect((await validateSessionToken(db, elsewhere.token)).session).toBeNull();
		expect((await validateSessionToken(db, here.token)).session).toBeNull();
		const rotated = await rotateSession(db, user.id, here.session.id, client);
		expect((await validateSessionToken(db, rotated.token)).user?.id).toBe(user.id);
		expect((await validateSessionToken(db, strangers.token)).user?.id).toBe(stranger.id);
		expect(await passwordMatches(db, user.id, 'violet harbour 19')).toBe(true);
		expect(await passwordMatches(db, user.id, 'tangerine glacier 42')).toBe(false);
	});

	it('refuses a second account for the same email in any case or spacing', async () => {
		const { db } = getDb().handle;
		const first = await createAccount(db, { email: 'dup@school.example', displayName: 'A', role: 'teacher', password: 'tangerine glacier 42' });
		expect(first.ok).toBe(true);
		const second = await createAccount(db, { email: '  DUP@School.example', displayName: 'B', role: 'student', password: 'tangerine glacier 42' });
		expect(second).toEqual({ ok: false, reason: 'email-taken' });
		expect(await db.select().from(users).where(eq(users.email, 'dup@school.example'))).toHaveLength(1);
	});

	it('deletes an account with its sessions and quiz attempts, leaving other users alone', async () => {
		const { db } = getDb().handle;
		const leaving = await newUser();
		const staying = await newUser();
		const leavingSession = await createSession(db, leaving.id, client);
		const stayingSession = await createSession(db, staying.id, client);
		await db
			.insert(lessons)
			.values({ id: 'auth-l1', position: 1, title: 'L', objectives: [], body: {}, generatorVersion: 't', contentHash: 'h' })
			.onConflictDoNothing();
		await db.insert(quizAttempts).values([
			{ id: `a-${leaving.id}`, userId: leaving.id, lessonId: 'auth-l1', attemptNumber: 1, seed: 1, questionCount: 5 },
			{ id: `a-${staying.id}`, userId: staying.id, lessonId: 'auth-l1', attemptNumber: 1, seed: 1, questionCount: 5 }
		]);

		expect(await deleteAccount(db, leaving.id)).toBe(true);
		expect(await db.select().from(users).where(eq(users.id, leaving.id))).toEqual([]);
		expect(await db.select().from(sessions).where(eq(sessions.userId, leaving.id))).toEqual([]);
		expect(await db.select().from(quizAttempts).where(eq(quizAttempts.userId, leaving.id))).toEqual([]);
		expect((await validateSessionToken(db, leavingSession.token)).session).toBeNull();
		expect((await validateSessionToken(db, stayingSession.token)).user?.id).toBe(staying.id);
		expect(await db.select().from(quizAttempts).where(eq(quizAttempts.userId, staying.id))).toHaveLength(1);
	});
});

// session validation runs as a named statement; on PGlite these take their own path into the engine
describeEachDatabase('named statements', (getDb) => {
	const insertUser = namedStatement(
		'test_insert_user',
		() => sql`insert into users (id, email, display_name, role, password_hash)
			values (${sql.placeholder('id')}, ${sql.placeholder('id')} || '@school.example', 'Named', ${sql.placeholder('role')}, 'x')
			returning id, created_at as "createdAt"`
	);
	const userById = namedStatement('test_user_by_id', () => sql`select id, role from users where id = ${sql.placeholder('id')}`);
	const echo = namedStatement(
		'test_echo',
		() => sql`select ${sql.placeholder('text')}::text as text, ${sql.placeholder('missing')}::text is null as missing,
			${sql.placeholder('at')}::timestamptz = '2026-03-01T12:00:00.123Z'::timestamptz as "sameInstant", ${sql.placeholder('doc')}::jsonb as doc,
			${sql.placeholder('count')}::int + 1 as next`
	);

	it('fills placeholders of every kind and returns the rows', async () => {
		const { db } = getDb().handle;
		const rows = await echo(db, { text: "it's", missing: null, at: new Date('2026-03-01T12:00:00.123Z'), doc: JSON.stringify({ a: [1, 'b'] }), count: 41 });
		expect(rows).toEqual([{ text: "it's", missing: true, sameInstant: true, doc: { a: [1, 'b'] }, next: 42 }]);
		expect(await userById(db, { id: 'nobody' })).toEqual([]);
	});

	it('rejects with the database error, and the database goes on answering', async () => {
		const { db } = getDb().handle;
		const [created] = await insertUser<{ id: string; createdAt: string }>(db, { id: 'named-1', role: 'student' });
		expect(created.id).toBe('named-1');
		await expect(insertUser(db, { id: 'named-1', role: 'student' })).rejects.toMatchObject({ cause: { code: '23505' } });
		await expect(insertUser(db, { id: 'named-2', role: 'pirate' })).rejects.toMatchObject({ cause: { code: '23514' } });
		expect(await userById(db, { id: 'named-1' })).toEqual([{ id: 'named-1', role: 'student' }]);
		expect(await userById(db, { id: 'named-2' })).toEqual([]);
		await insertUser(db, { id: 'named-3', role: 'teacher' });
		expect(await db.select({ id: users.id }).from(users).where(eq(users.id, 'named-3'))).toEqual([{ id: 'named-3' }]);

		const broken = namedStatement('test_broken', () => sql`select id from no_such_table where id = ${sql.placeholder('id')}`);
		await expect(broken(db, { id: 'x' })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/no_such_table/) } });
		await expect(broken(db, { id: 'x' })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/no_such_table/) } });
		expect(await userById(db, { id: 'named-3' })).toHaveLength(1);
	});

	it('never sees the rows of a transaction still open, nor of one rolled back', async () => {
		const { db } = getDb().handle;
		let inserted!: () => void;
		const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
		let finish!: () => void;
		const finishNow = new Promise<void>((resolve) => (finish = resolve));
		const transaction = db
			.transaction(async (tx) => {
				await tx.insert(users).values({ id: 'named-uncommitted', email: 'uncommitted@school.example', displayName: 'U', role: 'student', passwordHash: 'x' });
				inserted();
				await finishNow;
				tx.rollback();
			})
			.catch(() => 'rolled back');
		await insertedYet;
		// PostgreSQL answers from another connection; PGlite's one connection waits for the transaction to end
		const during = userById(db, { id: 'named-uncommitted' });
		finish();
		expect(await transaction).toBe('rolled back');
		expect(await during).toEqual([]);
		expect(await userById(db, { id: 'named-uncommitted' })).toEqual([]);
	});
});
