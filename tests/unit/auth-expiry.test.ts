import { describe, expect, it } from 'vitest';
import {
	LAST_SEEN_RESOLUTION_MS,
	SESSION_LIFETIME_MS,
	isSessionExpired,
	sessionExpiresAt,
	shouldExtendSession,
	shouldTouchLastSeen
} from '../../src/lib/server/auth/expiry';

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-03-01T08:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('session expiry', () => {
	it('lasts 30 days', () => {
		expect(SESSION_LIFETIME_MS).toBe(30 * DAY);
		expect(sessionExpiresAt(start)).toEqual(new Date('2026-03-31T08:00:00Z'));
	});

	it('is expired from the expiry instant on, not a millisecond before', () => {
		const expires = sessionExpiresAt(start);
		expect(isSessionExpired(expires, at(30 * DAY - 1))).toBe(false);
		expect(isSessionExpired(expires, at(30 * DAY))).toBe(true);
		expect(isSessionExpired(expires, at(31 * DAY))).toBe(true);
	});

	it('is extended only once less than half the lifetime remains', () => {
		const expires = sessionExpiresAt(start);
		expect(shouldExtendSession(expires, at(1 * DAY))).toBe(false);
		expect(shouldExtendSession(expires, at(15 * DAY))).toBe(false);
		expect(shouldExtendSession(expires, at(15 * DAY + 1))).toBe(true);
		expect(shouldExtendSession(expires, at(29 * DAY))).toBe(true);
	});

	it('rewrites "last seen" at most every five minutes', () => {
		expect(LAST_SEEN_RESOLUTION_MS).toBe(5 * 60 * 1000);
		expect(shouldTouchLastSeen(start, at(LAST_SEEN_RESOLUTION_MS - 1))).toBe(false);
		expect(shouldTouchLastSeen(start, at(LAST_SEEN_RESOLUTION_MS))).toBe(true);
	});
});
