import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { signInThrottles } from '../../src/lib/server/db/schema';
import { createAccount } from '../../src/lib/server/auth/accounts';
import { WRONG_CREDENTIALS, checkCredentials } from '../../src/lib/server/auth/sign-in';
import {
	PAIR_POLICY,
	SIGN_UP_LIMIT,
	admitSignUp,
	deleteStaleThrottles,
	recordSignInFailure,
	signInKeys
} from '../../src/lib/server/auth/throttle';
import { describeEachDatabase } from '../helpers/databases';

const MINUTE = 60_000;
const PASSWORD = 'tangerine glacier 42';

describeEachDatabase('sign-in throttle', (getDb) => {
	// two handles to one database, as two app servers would have (PGlite cannot be opened twice in one process)
	let second: DatabaseHandle | undefined;
	beforeAll(async () => {
		const database = getDb();
		second = database.url ? await openDatabase({ kind: 'postgres', url: database.url }) : undefined;
	});
	afterAll(async () => {
		await second?.close();
	});
	const servers = () => [getDb().handle.db, (second ?? getDb().handle).db];
	const account = (email: string) => createAccount(servers()[0], { email, displayName: 'L', role: 'student', password: PASSWORD });

	it('locks one address out of one account after five wrong passwords, whichever server saw them', async () => {
		const [a, b] = servers();
		await account('locked@school.example');
		let clock = new Date('2026-04-01T10:00:00Z');
		const now = () => clock;
		for (let i = 0; i < 5; i++) {
			const result = await checkCredentials(i % 2 ? b : a, 'locked@school.example', 'wrong guess', '198.51.100.1', now);
			expect(result).toEqual({ kind: 'wrong', lockedUntil: null });
		}
		const sixth = await checkCredentials(a, 'LOCKED@school.example ', 'wrong guess', '198.51.100.1', now);
		expect(sixth).toEqual({ kind: 'wrong', lockedUntil: new Date(clock.getTime() + MINUTE) });

		// locked for this address: even the right password is refused, on either server
		const refused = await checkCredentials(b, 'locked@school.example', PASSWORD, '198.51.100.1', now);
		expect(refused).toEqual({ kind: 'throttled', retryAt: new Date(clock.getTime() + MINUTE) });

		clock = new Date(clock.getTime() + MINUTE);
		const seventh = await checkCredentials(a, 'locked@school.example', 'wrong again', '198.51.100.1', now);
		expect(seventh).toEqual({ kind: 'wrong', lockedUntil: new Date(clock.getTime() + 2 * MINUTE) });

		clock = new Date(clock.getTime() + 2 * MINUTE);
		const success = await checkCredentials(b, 'locked@school.example', PASSWORD, '198.51.100.1', now);
		expect(success.kind).toBe('ok');
		// success clears the pair's streak
		expect(await a.select().from(signInThrottles).where(eq(signInThrottles.key, 'pair:locked@school.example|ip:198.51.100.1'))).toEqual([]);
	});

	it("does not lock a learner out from their own address because of someone else's guesses", async () => {
		const [a, b] = servers();
		await account('target@school.example');
		const now = () => new Date('2026-04-02T10:00:00Z');
		// a classmate (or anyone) hammers the learner's email from another address until locked
		for (let i = 0; i < 20; i++) await checkCredentials(i % 2 ? a : b, 'target@school.example', `guess ${i}`, '203.0.113.66', now);
		expect((await checkCredentials(a, 'target@school.example', PASSWORD, '203.0.113.66', now)).kind).toBe('throttled');
		// the learner, from home, signs in at once on either server
		expect((await checkCredentials(b, 'target@school.example', PASSWORD, '192.0.2.10', now)).kind).toBe('ok');
		// and even behind the same school NAT as the guesser, another learner is not held up
		await account('classmate@school.example');
		expect((await checkCredentials(a, 'classmate@school.example', PASSWORD, '203.0.113.66', now)).kind).toBe('ok');
	});

	it('locks the account for everyone only far above the pair limit, against guesses from many addresses', async () => {
		const [a, b] = servers();
		await account('botnet@school.example');
		const now = () => new Date('2026-04-03T10:00:00Z');
		// 50 addresses, one guess each: under the ceiling, the owner still gets in
		for (let i = 0; i < 50; i++) {
			const result = await checkCredentials(i % 2 ? a : b, 'botnet@school.example', 'guess', `198.18.0.${i + 1}`, now);
			expect(result).toEqual({ kind: 'wrong', lockedUntil: null });
		}
		const over = await checkCredentials(a, 'botnet@school.example', 'guess', '198.18.1.1', now);
		expect(over).toEqual({ kind: 'wrong', lockedUntil: new Date(now().getTime() + MINUTE) });
		expect(await checkCredentials(b, 'botnet@school.example', PASSWORD, '192.0.2.20', now)).toEqual({
			kind: 'throttled',
			retryAt: new Date(now().getTime() + MINUTE)
		});
	});

	it("counts an address's failed accounts, not its guesses: one account's failures never lock a school's NAT", async () => {
		const [a, b] = servers();
		const school = '203.0.113.50';
		const now = () => new Date('2026-04-04T10:00:00Z');
		// one learner mistypes forty times (their own pair locks; the address counts one account)
		for (let i = 0; i < 40; i++) await checkCredentials(i % 2 ? a : b, 'forgetful@school.example', 'nope', school, now);
		const [row] = await a.select().from(signInThrottles).where(eq(signInThrottles.key, `ip:${school}`));
		expect(row.failures).toBe(1);
		// a class of 98 more learners, each mistyping twice: 99 accounts, the school still signs in
		for (let i = 0; i < 98; i++) {
			for (let j = 0; j < 2; j++) await recordSignInFailure(i % 2 ? a : b, signInKeys(`learner${i}@school.example`, `ip:${school}`), now());
		}
		await account('teacher@school.example');
		expect((await checkCredentials(a, 'teacher@school.example', PASSWORD, school, now)).kind).toBe('ok');
		// a spray over two more accounts crosses 100: now the address waits, whatever the account
		await checkCredentials(b, 'spray1@school.example', PASSWORD, school, now);
		const spray = await checkCredentials(a, 'spray2@school.example', PASSWORD, school, now);
		expect(spray).toEqual({ kind: 'wrong', lockedUntil: new Date(now().getTime() + MINUTE) });
		expect((await checkCredentials(b, 'teacher@school.example', PASSWORD, school, now)).kind).toBe('throttled');
		expect((await checkCredentials(b, 'teacher@school.example', PASSWORD, '192.0.2.30', now)).kind).toBe('ok');
	});

	it('answers an unknown email exactly like a wrong password, and throttles it the same way', async () => {
		const [a] = servers();
		const now = () => new Date('2026-04-05T10:00:00Z');
		const unknown = await checkCredentials(a, 'nobody@school.example', PASSWORD, '198.51.100.9', now);
		expect(unknown).toEqual({ kind: 'wrong', lockedUntil: null });
		expect(WRONG_CREDENTIALS).not.toMatch(/email.*(unknown|not found|no account)/i);
		const rows = await a.select().from(signInThrottles).where(like(signInThrottles.key, '%nobody@school.example%'));
		expect(rows.map((r) => [r.key, r.failures]).sort()).toEqual([
			['account:nobody@school.example', 1],
			['pair:nobody@school.example|ip:198.51.100.9', 1]
		]);
	});

	it('counts every concurrent failure exactly once across two servers', async () => {
		const [a, b] = servers();
		const keys = signInKeys('race@school.example', 'ip:198.51.100.77');
		const now = new Date('2026-04-06T10:00:00Z');
		await Promise.all(Array.from({ length: 20 }, (_, i) => recordSignInFailure(i % 2 ? a : b, keys, now)));
		const rows = await a.select().from(signInThrottles).where(like(signInThrottles.key, '%198.51.100.77%'));
		const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
		expect(byKey[keys.pair.key]).toMatchObject({ failures: 20, lockedUntil: new Date(now.getTime() + PAIR_POLICY.maxLockMs) });
		// the address counted the account once, however the racing requests interleaved
		expect(byKey[keys.address.key].failures).toBe(1);
	});

	it('forgets a streak after an hour without failures, and sweeps forgotten rows', async () => {
		const [a] = servers();
		const keys = signInKeys('quiet@school.example', 'ip:198.51.100.88');
		const start = new Date('2026-04-07T10:00:00Z');
		for (let i = 0; i < 5; i++) await recordSignInFailure(a, keys, start);
		const later = new Date(start.getTime() + 61 * MINUTE);
		expect(await recordSignInFailure(a, keys, later)).toEqual({ locked: false });
		const [row] = await a.select().from(signInThrottles).where(eq(signInThrottles.key, keys.pair.key));
		expect(row).toMatchObject({ failures: 1, windowStartedAt: later });

		expect(await deleteStaleThrottles(a, new Date(later.getTime() + 61 * MINUTE))).toBeGreaterThanOrEqual(3);
		expect(await a.select().from(signInThrottles).where(like(signInThrottles.key, '%quiet@school.example%'))).toEqual([]);
	});

	it('admits a few classes of sign-ups from one address an hour, exactly, across servers', async () => {
		const [a, b] = servers();
		const start = new Date('2026-04-08T10:00:00Z');
		const burst = await Promise.all(
			Array.from({ length: SIGN_UP_LIMIT.perWindow + 20 }, (_, i) => admitSignUp(i % 2 ? a : b, 'ip:203.0.113.99', start))
		);
		expect(burst.filter((s) => !s.locked)).toHaveLength(SIGN_UP_LIMIT.perWindow);
		const retryAt = new Date(start.getTime() + SIGN_UP_LIMIT.windowMs);
		expect(await admitSignUp(a, 'ip:203.0.113.99', new Date(start.getTime() + 30 * MINUTE))).toEqual({ locked: true, retryAt });
		// another address is not affected, and the window reopens after the hour
		expect(await admitSignUp(b, 'ip:203.0.113.100', start)).toEqual({ locked: false });
		expect(await admitSignUp(b, 'ip:203.0.113.99', new Date(retryAt.getTime() + 1))).toEqual({ locked: false });
	});
});
