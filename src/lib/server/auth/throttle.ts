import { and, inArray, isNull, lt, or, sql, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { signInThrottles } from '../db/schema';
import { selectRows } from '../db/client';

/**
 * Failed sign-ins slow down further attempts with a growing back-off, per account and per
 * client address, kept in the database so every app server sees the same counts.
 *
 * After `freeFailures` failures in a row, each further failure locks the key for
 * base × 2^(extra failures − 1), capped at `maxLockMs`. A streak is forgotten after
 * `forgetAfterMs` without a failure (longer than the longest lock, so waiting out a lock never
 * resets the count). A successful sign-in clears its account's streak but not its address's.
 */
export interface ThrottlePolicy {
	freeFailures: number;
	baseLockMs: number;
	maxLockMs: number;
	forgetAfterMs: number;
}

const MINUTE = 60_000;

/** 5 tries, then 1, 2, 4, 8, 15, 15 … minutes: at most 12 failures in any hour (ASVS: ≤ 100). */
export const ACCOUNT_POLICY: ThrottlePolicy = {
	freeFailures: 5,
	baseLockMs: MINUTE,
	// short enough that someone locking a learner out by guessing costs them one lesson, not a day
	maxLockMs: 15 * MINUTE,
	forgetAfterMs: 60 * MINUTE
};

/**
 * A whole school often shares one address behind its NAT: 30 learners mistyping a few times
 * each must not lock each other out, so an address gets far more free failures than an account.
 */
export const ADDRESS_POLICY: ThrottlePolicy = {
	freeFailures: 100,
	baseLockMs: MINUTE,
	maxLockMs: 15 * MINUTE,
	forgetAfterMs: 60 * MINUTE
};

/** How long the key is locked after its `failures`-th failure in a row (0: not locked). */
export function lockDurationMs(policy: ThrottlePolicy, failures: number): number {
	const extra = failures - policy.freeFailures;
	if (extra <= 0) return 0;
	// capped exponent: 2^31 minutes would overflow long before the cap matters
	return Math.min(policy.baseLockMs * 2 ** Math.min(extra - 1, 30), policy.maxLockMs);
}

export interface ThrottleKey {
	key: string;
	policy: ThrottlePolicy;
}

export function accountThrottleKey(normalisedEmail: string): ThrottleKey {
	return { key: `account:${normalisedEmail}`, policy: ACCOUNT_POLICY };
}

export function addressKey(key: string): ThrottleKey {
	return { key, policy: ADDRESS_POLICY };
}

export type ThrottleStatus = { locked: false } | { locked: true; retryAt: Date };

/** Locked while any of the keys is locked; retry once the last of their locks ends. */
export async function throttleStatus(db: Database, keys: ThrottleKey[], now = new Date()): Promise<ThrottleStatus> {
	const rows = await db
		.select({ lockedUntil: signInThrottles.lockedUntil })
		.from(signInThrottles)
		.where(inArray(signInThrottles.key, keys.map((k) => k.key)));
	const until = rows
		.map((r) => r.lockedUntil?.getTime() ?? 0)
		.filter((t) => t > now.getTime())
		.reduce((latest, t) => Math.max(latest, t), 0);
	return until > 0 ? { locked: true, retryAt: new Date(until) } : { locked: false };
}

/** Counts one failure against every key (atomically, so concurrent servers never lose one). */
export async function recordSignInFailure(db: Database, keys: ThrottleKey[], now = new Date()): Promise<ThrottleStatus> {
	let latest = 0;
	for (const { key, policy } of keys) {
		const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs);
		const [row] = await selectRows<{ failures: number }>(
			db,
			sql`insert into sign_in_throttles as t (key, failures, window_started_at, last_failure_at)
				values (${key}, 1, ${now.toISOString()}, ${now.toISOString()})
				on conflict (key) do update set
					failures = case when t.last_failure_at < ${forgetBefore.toISOString()} then 1 else t.failures + 1 end,
					window_started_at = case when t.last_failure_at < ${forgetBefore.toISOString()} then excluded.window_started_at else t.window_started_at end,
					last_failure_at = excluded.last_failure_at
				returning failures`
		);
		const lockMs = lockDurationMs(policy, Number(row.failures));
		if (lockMs === 0) continue;
		const lockedUntil = new Date(now.getTime() + lockMs);
		// greatest(): a slower server finishing later must not shorten a lock another one set
		await db.execute(
			sql`update sign_in_throttles set locked_until = greatest(coalesce(locked_until, ${lockedUntil.toISOString()}), ${lockedUntil.toISOString()})
				where key = ${key}`
		);
		latest = Math.max(latest, lockedUntil.getTime());
	}
	const status = await throttleStatus(db, keys, now);
	if (status.locked || latest === 0) return status;
	return { locked: true, retryAt: new Date(latest) };
}

export async function clearThrottle(db: Database, key: ThrottleKey): Promise<void> {
	await db.delete(signInThrottles).where(eq(signInThrottles.key, key.key));
}

/** Drops streaks that are forgotten anyway, so the table holds only live ones. */
export async function deleteStaleThrottles(db: Database, now = new Date()): Promise<number> {
	const forgetBefore = new Date(now.getTime() - Math.max(ACCOUNT_POLICY.forgetAfterMs, ADDRESS_POLICY.forgetAfterMs));
	const deleted = await db
		.delete(signInThrottles)
		.where(
			and(
				lt(signInThrottles.lastFailureAt, forgetBefore),
				or(isNull(signInThrottles.lockedUntil), lt(signInThrottles.lockedUntil, now))
			)
		)
		.returning({ key: signInThrottles.key });
	return deleted.length;
}

/** "try again in 3 minutes": whole minutes, rounded up, never "0 minutes". */
export function retryMessage(retryAt: Date, now = new Date()): string {
	const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
	return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
