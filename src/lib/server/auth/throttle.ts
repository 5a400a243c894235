import { and, inArray, isNull, lt, or, sql, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { signInThrottles } from '../db/schema';
import { selectRows } from '../db/client';

/**
 * Sign-in and sign-up throttling, kept in the database so every app server sees the same counts.
 * Laid out as OWASP's authentication cheat sheet describes, so that the throttle cannot be turned
 * into a way to lock other people out:
 *
 * - **account and address pair** (`pair:<email>|<address>`): the first and tightest limit. A
 *   stranger guessing at a learner's email from elsewhere fills their own pair, not the one the
 *   learner signs in from.
 * - **account** (`account:<email>`): a ceiling far above the pair's, against guessing spread over
 *   many addresses (a botnet); it keeps any one account under ASVS's 100 failures an hour.
 * - **address** (`ip:<address>`): counts the *accounts* that failed from an address, not the
 *   failures, so one learner behind a school's NAT mistyping forty times counts once; only a spray
 *   over many accounts (one password tried against a hundred emails) locks the address.
 * - **sign-up per address** (`signup:<address>`): accounts made from one address per hour.
 *
 * After `freeFailures` in a streak, each further one locks its key for base × 2^(extra − 1),
 * capped at `maxLockMs`. A streak is forgotten after `forgetAfterMs` without a failure (longer than
 * the longest lock, so waiting out a lock never resets the count). A successful sign-in clears its
 * pair only: the account and address counts are there for attackers, who do not sign in.
 */
export interface ThrottlePolicy {
	freeFailures: number;
	baseLockMs: number;
	maxLockMs: number;
	forgetAfterMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** 5 tries, then 1, 2, 4, 8, 15, 15 … minutes: 12 failures an hour from one address at one account. */
export const PAIR_POLICY: ThrottlePolicy = {
	freeFailures: 5,
	baseLockMs: MINUTE,
	maxLockMs: 15 * MINUTE,
	forgetAfterMs: HOUR
};

/**
 * Ten pairs' worth of free failures before the account itself is locked for everyone; at most
 * 57 failures in any hour however many addresses the guesses come from (ASVS: ≤ 100).
 */
export const ACCOUNT_POLICY: ThrottlePolicy = {
	freeFailures: 50,
	baseLockMs: MINUTE,
	// short enough that someone locking a learner out this way costs them one lesson, not a day
	maxLockMs: 15 * MINUTE,
	forgetAfterMs: HOUR
};

/**
 * Counted once per account that failed from the address: a school's NAT with hundreds of learners
 * mistyping stays open; a hundred different accounts failing from one address is a spray.
 */
export const ADDRESS_POLICY: ThrottlePolicy = {
	freeFailures: 100,
	baseLockMs: MINUTE,
	maxLockMs: 15 * MINUTE,
	forgetAfterMs: HOUR
};

/** Accounts one address may create per hour: two or three classes signing up together. */
export const SIGN_UP_LIMIT = { perWindow: 60, windowMs: HOUR } as const;

/** `SIGN_UP_LIMIT_PER_HOUR` raises (or lowers) it, e.g. for a district whose schools share one address. */
export function signUpLimitPerHour(env: Record<string, string | undefined> = process.env): number {
	const value = Number(env.SIGN_UP_LIMIT_PER_HOUR);
	return Number.isInteger(value) && value > 0 ? value : SIGN_UP_LIMIT.perWindow;
}

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

/** The three keys one sign-in is counted under, tightest first. */
export interface SignInKeys {
	pair: ThrottleKey;
	account: ThrottleKey;
	address: ThrottleKey;
}

/** `addressKey` is the address's throttle key (`ip:…`, see `addressThrottleKey`). */
export function signInKeys(normalisedEmail: string, addressKey: string): SignInKeys {
	return {
		pair: { key: `pair:${normalisedEmail}|${addressKey}`, policy: PAIR_POLICY },
		account: { key: `account:${normalisedEmail}`, policy: ACCOUNT_POLICY },
		address: { key: addressKey, policy: ADDRESS_POLICY }
	};
}

const allKeys = (keys: SignInKeys) => [keys.pair, keys.account, keys.address];

export type ThrottleStatus = { locked: false } | { locked: true; retryAt: Date };

/** Locked while any of the keys is locked; retry once the last of their locks ends. */
export async function throttleStatus(db: Database, keys: ThrottleKey[] | SignInKeys, now = new Date()): Promise<ThrottleStatus> {
	const list = Array.isArray(keys) ? keys : allKeys(keys);
	const rows = await db
		.select({ lockedUntil: signInThrottles.lockedUntil })
		.from(signInThrottles)
		.where(inArray(signInThrottles.key, list.map((k) => k.key)));
	const until = rows
		.map((r) => r.lockedUntil?.getTime() ?? 0)
		.filter((t) => t > now.getTime())
		.reduce((latest, t) => Math.max(latest, t), 0);
	return until > 0 ? { locked: true, retryAt: new Date(until) } : { locked: false };
}

/**
 * Counts one failure against the key (atomically, so concurrent servers never lose one), locks it
 * when its streak is past the free failures, and returns the streak's length.
 */
async function countFailure(db: Database, { key, policy }: ThrottleKey, now: Date): Promise<number> {
	const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs).toISOString();
	const [row] = await selectRows<{ failures: number }>(
		db,
		sql`insert into sign_in_throttles as t (key, failures, window_started_at, last_failure_at)
			values (${key}, 1, ${now.toISOString()}, ${now.toISOString()})
			on conflict (key) do update set
				failures = case when t.last_failure_at < ${forgetBefore} then 1 else t.failures + 1 end,
				window_started_at = case when t.last_failure_at < ${forgetBefore} then excluded.window_started_at else t.window_started_at end,
				last_failure_at = excluded.last_failure_at
			returning failures`
	);
	const failures = Number(row.failures);
	const lockMs = lockDurationMs(policy, failures);
	if (lockMs > 0) {
		const lockedUntil = new Date(now.getTime() + lockMs).toISOString();
		// greatest(): a slower server finishing later must not shorten a lock another one set
		await db.execute(
			sql`update sign_in_throttles set locked_until = greatest(coalesce(locked_until, ${lockedUntil}), ${lockedUntil})
				where key = ${key}`
		);
	}
	return failures;
}

/**
 * Counts a failed sign-in: against its pair and its account every time, against its address only
 * when it starts the pair's streak (so the address counts accounts, not guesses).
 */
export async function recordSignInFailure(db: Database, keys: SignInKeys, now = new Date()): Promise<ThrottleStatus> {
	const [pairFailures] = await Promise.all([countFailure(db, keys.pair, now), countFailure(db, keys.account, now)]);
	if (pairFailures === 1) await countFailure(db, keys.address, now);
	return throttleStatus(db, keys, now);
}

/** For tests and tools that count failures against one key of their own. */
export async function recordFailureOn(db: Database, key: ThrottleKey, now = new Date()): Promise<ThrottleStatus> {
	await countFailure(db, key, now);
	return throttleStatus(db, [key], now);
}

export async function clearThrottle(db: Database, key: ThrottleKey): Promise<void> {
	await db.delete(signInThrottles).where(eq(signInThrottles.key, key.key));
}

/**
 * Counts one sign-up from the address in a fixed hourly window and says whether it may go ahead.
 * Counted before the account is made, in one statement, so a burst of concurrent sign-ups lets
 * exactly the limit through across every server.
 */
export async function admitSignUp(
	db: Database,
	addressKey: string,
	now = new Date(),
	limit = signUpLimitPerHour()
): Promise<ThrottleStatus> {
	const key = `signup:${addressKey}`;
	const windowOpenAfter = new Date(now.getTime() - SIGN_UP_LIMIT.windowMs).toISOString();
	const [row] = await selectRows<{ failures: number; windowStartedAt: string }>(
		db,
		sql`insert into sign_in_throttles as t (key, failures, window_started_at, last_failure_at)
			values (${key}, 1, ${now.toISOString()}, ${now.toISOString()})
			on conflict (key) do update set
				failures = case when t.window_started_at <= ${windowOpenAfter} then 1 else t.failures + 1 end,
				window_started_at = case when t.window_started_at <= ${windowOpenAfter} then excluded.window_started_at else t.window_started_at end,
				last_failure_at = excluded.last_failure_at
			returning failures, window_started_at as "windowStartedAt"`
	);
	if (Number(row.failures) <= limit) return { locked: false };
	return { locked: true, retryAt: new Date(new Date(row.windowStartedAt).getTime() + SIGN_UP_LIMIT.windowMs) };
}

/** Drops streaks that are forgotten anyway, so the table holds only live ones. */
export async function deleteStaleThrottles(db: Database, now = new Date()): Promise<number> {
	const longest = Math.max(PAIR_POLICY.forgetAfterMs, ACCOUNT_POLICY.forgetAfterMs, ADDRESS_POLICY.forgetAfterMs, SIGN_UP_LIMIT.windowMs);
	const forgetBefore = new Date(now.getTime() - longest);
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

function inMinutes(retryAt: Date, now: Date): string {
	const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** "try again in 3 minutes": whole minutes, rounded up, never "0 minutes". */
export function retryMessage(retryAt: Date, now = new Date()): string {
	return `Too many failed sign-in attempts. Try again in ${inMinutes(retryAt, now)}.`;
}

export function signUpRetryMessage(retryAt: Date, now = new Date()): string {
	return `Too many accounts were created from this network in the last hour. Try again in ${inMinutes(retryAt, now)}, or ask your teacher.`;
}
