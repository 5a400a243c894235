/** Session lifetime rules, kept pure so they are tested without a clock or a database. */

const DAY_MS = 24 * 60 * 60 * 1000;

export const SESSION_LIFETIME_MS = 30 * DAY_MS;
// "last seen" is rewritten at most this often, so browsing does not write on every request
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export function sessionExpiresAt(now: Date): Date {
	return new Date(now.getTime() + SESSION_LIFETIME_MS);
}

export function isSessionExpired(expiresAt: Date, now: Date): boolean {
	return now.getTime() >= expiresAt.getTime();
}

/** Extended (to a full 30 days from now) once less than half its lifetime remains. */
export function shouldExtendSession(expiresAt: Date, now: Date): boolean {
	return expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS / 2;
}

export function shouldTouchLastSeen(lastSeenAt: Date, now: Date): boolean {
	return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}
