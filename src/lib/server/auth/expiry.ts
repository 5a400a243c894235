/** Session lifetime rules, kept pure so they are tested without a clock or a database. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Signed out after a week without a visit: a shared school computer does not stay signed in for long. */
export const SESSION_IDLE_TIMEOUT_MS = 7 * DAY_MS;
/** And 30 days after signing in, however active the session (ASVS 5.0 V7.3.2). */
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * DAY_MS;
// "last seen" (and with it the idle expiry) is rewritten at most this often, so browsing does not write on every request
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

/** The idle expiry counted from the last activity, never past the absolute end counted from sign-in. */
export function sessionExpiresAt(signedInAt: Date, lastActiveAt: Date = signedInAt): Date {
	return new Date(
		Math.min(lastActiveAt.getTime() + SESSION_IDLE_TIMEOUT_MS, signedInAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS)
	);
}

export function isSessionExpired(expiresAt: Date, now: Date, signedInAt?: Date): boolean {
	if (signedInAt && now.getTime() >= signedInAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS) return true;
	return now.getTime() >= expiresAt.getTime();
}

export function shouldTouchLastSeen(lastSeenAt: Date, now: Date): boolean {
	return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}
