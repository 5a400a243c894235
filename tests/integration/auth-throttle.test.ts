import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { signInThrottles } from '../../src/lib/server/db/schema';
import { createAccount } from '../../src/lib/server/auth/accounts';
import { WRONG_CREDENTIALS, checkCredentials } from '../../src/lib/server/auth/sign-in';
import {
	ACCOUNT_POLICY,
	accountThrottleKey,
	addressKey,
	deleteStaleThrottles,
	recordSignInFailure,
	throttleStatus
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

	it('locks an account after five wrong passwords, whichever server saw them, and says when to retry', async () => {
		const [a, b] = servers();
		await createAccount(a, { email: 'locked@school.example', displayName: 'L', role: 'student', password: PASSWORD });
		let clock = new Date('2026-04-01T10:00:00Z');
		const now = () => clock;
		for (let i = 0; i < 4; i++) {
			const result = await checkCredentials(i % 2 ? b : a, 'locked@school.example', 'wrong guess', '198.51.100.1', now);
			expect(result).toEqual({ kind: 'wrong', lockedUntil: null });
		}
		const fifth = await checkCredentials(b, 'locked@school.example', 'wrong guess', '198.51.100.2', now);
		expect(fifth).toEqual({ kind: 'wrong', lockedUntil: null });
		const sixth = await checkCredentials(a, 'LOCKED@school.example ', 'wrong guess', '198.51.100.3', now);
		expect(sixth).toEqual({ kind: 'wrong', lockedUntil: new Date(clock.getTime() + MINUTE) });

		// locked: even the right password is refused, from another server and another address
		const refused = await checkCredentials(b, 'locked@school.example', PASSWORD, '198.51.100.4', now);
		expect(refused).toEqual({ kind: 'throttled', retryAt: new Date(clock.getTime() + MINUTE) });

		clock = new Date(clock.getTime() + MINUTE);
		const seventh = await checkCredentials(a, 'locked@school.example', 'wrong again', '198.51.100.5', now);
		expect(seventh).toEqual({ kind: 'wrong', lockedUntil: new Date(clock.getTime() + 2 * MINUTE) });

		clock = new Date(clock.getTime() + 2 * MINUTE);
		const success = await checkCredentials(b, 'locked@school.example', PASSWORD, '198.51.100.5', now);
		expect(success.kind).toBe('ok');
		// success clears the account's streak
		expect(await a.select().from(signInThrottles).where(eq(signInThrottles.key, 'account:locked@school.example'))).toEqual([]);
	});

	it('answers an unknown email exactly like a wrong password, and throttles it the same way', async () => {
		const [a] = servers();
		const now = () => new Date('2026-04-02T10:00:00Z');
		const unknown = await checkCredentials(a, 'nobody@school.example', PASSWORD, '198.51.100.9', now);
		expect(unknown).toEqual({ kind: 'wrong', lockedUntil: null });
		expect(WRONG_CREDENTIALS).not.toMatch(/email.*(unknown|not found|no account)/i);
		const [row] = await a.select().from(signInThrottles).where(eq(signInThrottles.key, 'account:nobody@school.example'));
		expect(row.failures).toBe(1);
	});

	it('counts every concurrent failure exactly once across two servers', async () => {
		const [a, b] = servers();
		const key = accountThrottleKey('race@school.example');
		const now = new Date('2026-04-03T10:00:00Z');
		await Promise.all(Array.from({ length: 20 }, (_, i) => recordSignInFailure(i % 2 ? a : b, [key], now)));
		const [row] = await a.select().from(signInThrottles).where(eq(signInThrottles.key, key.key));
		expect(row.failures).toBe(20);
		expect(row.lockedUntil).toEqual(new Date(now.getTime() + ACCOUNT_POLICY.maxLockMs));
	});

	it('keeps one address unlocked through a classroom of mistakes, and locks it beyond that', async () => {
		const [a, b] = servers();
		const key = addressKey('ip:203.0.113.50');
		const now = new Date('2026-04-04T10:00:00Z');
		// 30 learners mistyping three times each
		for (let i = 0; i < 90; i++) await recordSignInFailure(i % 2 ? a : b, [key], now);
		expect(await throttleStatus(a, [key], now)).toEqual({ locked: false });
		for (let i = 0; i < 11; i++) await recordSignInFailure(a, [key], now);
		expect(await throttleStatus(b, [key], now)).toEqual({ locked: true, retryAt: new Date(now.getTime() + MINUTE) });
	});

	it('forgets a streak after an hour without failures, and sweeps forgotten rows', async () => {
		const [a] = servers();
		const key = accountThrottleKey('forgetful@school.example');
		const start = new Date('2026-04-05T10:00:00Z');
		for (let i = 0; i < 5; i++) await recordSignInFailure(a, [key], start);
		const later = new Date(start.getTime() + 61 * MINUTE);
		const status = await recordSignInFailure(a, [key], later);
		expect(status).toEqual({ locked: false });
		const [row] = await a.select().from(signInThrottles).where(eq(signInThrottles.key, key.key));
		expect(row).toMatchObject({ failures: 1, windowStartedAt: later });

		expect(await deleteStaleThrottles(a, new Date(later.getTime() + 61 * MINUTE))).toBeGreaterThanOrEqual(1);
		expect(await a.select().from(signInThrottles).where(eq(signInThrottles.key, key.key))).toEqual([]);
	});
});
