import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_POLICY,
	ADDRESS_POLICY,
	PAIR_POLICY,
	SIGN_UP_LIMIT,
	lockDurationMs,
	signUpLimitPerHour,
	signUpRetryMessage,
	retryMessage,
	type ThrottlePolicy
} from '../../src/lib/server/auth/throttle';
import { addressThrottleKey, clientAddress, proxySettingsFromEnv } from '../../src/lib/server/auth/client-address';

const MINUTE = 60_000;

/** The most failures an attacker who retries the instant each lock ends can make in `spanMs`. */
function maxFailuresIn(policy: ThrottlePolicy, spanMs: number): number {
	let now = 0;
	let failures = 0;
	let streak = 0;
	let lastFailure = -Infinity;
	while (now < spanMs) {
		if (now - lastFailure >= policy.forgetAfterMs) streak = 0;
		streak += 1;
		failures += 1;
		lastFailure = now;
		now += Math.max(lockDurationMs(policy, streak), 1);
	}
	return failures;
}

describe('sign-in back-off', () => {
	it('lets the first failures through, then doubles the lock up to its cap', () => {
		const locks = Array.from({ length: 12 }, (_, i) => lockDurationMs(PAIR_POLICY, i + 1) / MINUTE);
		expect(locks).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 15, 15, 15]);
		expect(lockDurationMs(PAIR_POLICY, 10_000)).toBe(15 * MINUTE);
	});

	it('forgets a streak only after longer quiet than the longest lock, so waiting a lock out never resets it', () => {
		for (const policy of [PAIR_POLICY, ACCOUNT_POLICY, ADDRESS_POLICY]) {
			expect(policy.forgetAfterMs).toBeGreaterThan(policy.maxLockMs);
		}
	});

	it('allows far fewer than 100 failures an hour per account (ASVS), however many addresses guess', () => {
		expect(maxFailuresIn(PAIR_POLICY, 60 * MINUTE)).toBe(12);
		// the account ceiling bounds guesses spread over any number of addresses
		const perHour = maxFailuresIn(ACCOUNT_POLICY, 60 * MINUTE);
		expect(perHour).toBeLessThanOrEqual(100);
		expect(perHour).toBe(57);
		// and it stays bounded over a whole day
		expect(maxFailuresIn(ACCOUNT_POLICY, 24 * 60 * MINUTE)).toBeLessThan(24 * 5 + 50);
	});

	it('puts the account ceiling far above the pair limit, so one address cannot lock an account for everyone', () => {
		expect(ACCOUNT_POLICY.freeFailures).toBeGreaterThanOrEqual(10 * PAIR_POLICY.freeFailures);
		// one address guessing as fast as it may is still under the ceiling after four hours
		expect(maxFailuresIn(PAIR_POLICY, 4 * 60 * MINUTE)).toBeLessThan(ACCOUNT_POLICY.freeFailures);
	});

	it('lets an address (a school behind NAT) see a hundred accounts fail before it waits', () => {
		expect(lockDurationMs(ADDRESS_POLICY, 100)).toBe(0);
		expect(lockDurationMs(ADDRESS_POLICY, 101)).toBe(MINUTE);
		expect(SIGN_UP_LIMIT.perWindow).toBeGreaterThanOrEqual(60);
		expect(signUpLimitPerHour({})).toBe(SIGN_UP_LIMIT.perWindow);
		expect(signUpLimitPerHour({ SIGN_UP_LIMIT_PER_HOUR: '500' })).toBe(500);
		expect(signUpLimitPerHour({ SIGN_UP_LIMIT_PER_HOUR: 'lots' })).toBe(SIGN_UP_LIMIT.perWindow);
	});

	it('says when to try again in whole minutes, rounded up', () => {
		const now = new Date('2026-01-01T10:00:00Z');
		expect(retryMessage(new Date(now.getTime() + 61_000), now)).toBe(
			'Too many failed sign-in attempts. Try again in 2 minutes.'
		);
		expect(retryMessage(new Date(now.getTime() + 5_000), now)).toMatch(/in 1 minute\.$/);
		expect(retryMessage(now, now)).toMatch(/in 1 minute\.$/);
		expect(signUpRetryMessage(new Date(now.getTime() + 40 * MINUTE), now)).toBe(
			'Too many accounts were created from this network in the last hour. Try again in 40 minutes, or ask your teacher.'
		);
	});
});

describe('client address', () => {
	const socket = () => '10.0.0.5';
	const headers = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

	it('comes from the socket unless a proxy header is configured, whatever the client sends', () => {
		expect(clientAddress(headers('203.0.113.9'), socket, { header: null, trustedProxies: 1 })).toBe('10.0.0.5');
	});

	it('takes the right-most hop written by our own proxies, never a forged left-most one', () => {
		const settings = proxySettingsFromEnv({ TRUSTED_PROXY_HEADER: 'X-Forwarded-For' });
		expect(settings).toEqual({ header: 'x-forwarded-for', trustedProxies: 1 });
		expect(clientAddress(headers('1.1.1.1, 203.0.113.9'), socket, settings)).toBe('203.0.113.9');
		const twoProxies = proxySettingsFromEnv({ TRUSTED_PROXY_HEADER: 'x-forwarded-for', TRUSTED_PROXY_COUNT: '2' });
		expect(clientAddress(headers('1.1.1.1, 203.0.113.9, 10.0.0.2'), socket, twoProxies)).toBe('203.0.113.9');
	});

	it('falls back to the socket when the header is missing or not an address', () => {
		const settings = proxySettingsFromEnv({ TRUSTED_PROXY_HEADER: 'x-forwarded-for' });
		expect(clientAddress(headers(), socket, settings)).toBe('10.0.0.5');
		expect(clientAddress(headers('evil'), socket, settings)).toBe('10.0.0.5');
		expect(clientAddress(headers('[2001:db8::1]:443'), socket, settings)).toBe('2001:db8::1');
		expect(clientAddress(headers('198.51.100.4:5555'), socket, settings)).toBe('198.51.100.4');
		expect(proxySettingsFromEnv({ TRUSTED_PROXY_HEADER: 'x-real-ip', TRUSTED_PROXY_COUNT: 'zero' }).trustedProxies).toBe(1);
	});

	it('throttles IPv6 clients by their /64 and mapped IPv4 as plain IPv4', () => {
		expect(addressThrottleKey('203.0.113.9')).toBe('ip:203.0.113.9');
		expect(addressThrottleKey('::ffff:203.0.113.9')).toBe('ip:203.0.113.9');
		expect(addressThrottleKey('2001:db8:0:12::1')).toBe('ip:2001:db8:0:12::/64');
		expect(addressThrottleKey('2001:db8:0:12:ab:cd:ef:1')).toBe(addressThrottleKey('2001:0db8::12:1:2:3:4'));
		expect(addressThrottleKey('2001:db8::1')).not.toBe(addressThrottleKey('2001:db9::1'));
	});
});
