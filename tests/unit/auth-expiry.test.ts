import { describe, expect, it } from 'vitest';
import {
	LAST_SEEN_RESOLUTION_MS,
	SESSION_ABSOLUTE_LIFETIME_MS,
	SESSION_IDLE_TIMEOUT_MS,
	isSessionExpired,
	sessionExpiresAt,
	shouldTouchLastSeen
} from '../../src/lib/server/auth/expiry';

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-03-01T08:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('session expiry', () => {
	it('ends a week after the last visit, and 30 days after sign-in whatever the activity', () => {
		expect(SESSION_IDLE_TIMEOUT_MS).toBe(7 * DAY);
		expect(SESSION_ABSOLUTE_LIFETIME_MS).toBe(30 * DAY);
		expect(sessionExpiresAt(start)).toEqual(new Date('2026-03-08T08:00:00Z'));
		expect(sessionExpiresAt(start, at(10 * DAY))).toEqual(new Date('2026-03-18T08:00:00Z'));
		// a visit on day 29 does not carry the session past day 30
		expect(sessionExpiresAt(start, at(29 * DAY))).toEqual(new Date('2026-03-31T08:00:00Z'));
	});

	it('is expired from the expiry instant on, not a millisecond before', () => {
		const expires = sessionExpiresAt(start);
		expect(isSessionExpired(expires, at(7 * DAY - 1))).toBe(false);
		expect(isSessionExpired(expires, at(7 * DAY))).toBe(true);
		expect(isSessionExpired(expires, at(31 * DAY))).toBe(true);
	});

	it('is expired 30 days after sign-in even when the stored expiry says otherwise', () => {
		const farOff = at(60 * DAY);
		expect(isSessionExpired(farOff, at(30 * DAY - 1), start)).toBe(false);
		expect(isSessionExpired(farOff, at(30 * DAY), start)).toBe(true);
	});

	it('rewrites "last seen" at most every five minutes', () => {
		expect(LAST_SEEN_RESOLUTION_MS).toBe(5 * 60 * 1000);
		expect(shouldTouchLastSeen(start, at(LAST_SEEN_RESOLUTION_MS - 1))).toBe(false);
		expect(shouldTouchLastSeen(start, at(LAST_SEEN_RESOLUTION_MS))).toBe(true);
	});
});
