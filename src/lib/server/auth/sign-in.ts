import type { Database } from '../db/client';
import { findCredentialsByLogin } from './accounts';
import { addressThrottleKey } from './client-address';
import { normaliseEmail } from './email';
import { spendPasswordCheckTime, verifyPassword } from './password';
import { clearThrottle, recordSignInFailure, signInKeys, throttleStatus } from './throttle';
import type { SessionUser } from './types';

export type PasswordCheck =
	| { kind: 'ok'; user: SessionUser }
	| { kind: 'wrong'; lockedUntil: Date | null }
	| { kind: 'throttled'; retryAt: Date };

/** One message for an unknown email or username and a wrong password, so the form does not reveal who has an account. */
export const WRONG_CREDENTIALS = 'That email or username and password do not match an account.';

/**
 * Checks an email and password under the throttle. A locked key refuses before any password is
 * checked; a correct password found while another request has just locked the key is refused
 * too, so attempts racing past the first check learn nothing.
 */
export async function checkCredentials(
	db: Database,
	email: string,
	password: string,
	clientAddress: string,
	now: () => Date = () => new Date()
): Promise<PasswordCheck> {
	const keys = signInKeys(normaliseEmail(email), addressThrottleKey(clientAddress));
	const before = await throttleStatus(db, keys, now());
	if (before.locked) return { kind: 'throttled', retryAt: before.retryAt };

	const stored = await findCredentialsByLogin(db, email);
	const matches = stored ? await verifyPassword(stored.passwordHash, password) : (await spendPasswordCheckTime(password), false);
	if (!stored || !matches) {
		const after = await recordSignInFailure(db, keys, now());
		return { kind: 'wrong', lockedUntil: after.locked ? after.retryAt : null };
	}
	const after = await throttleStatus(db, keys, now());
	if (after.locked) return { kind: 'throttled', retryAt: after.retryAt };
	await clearThrottle(db, keys.pair);
	return { kind: 'ok', user: stored.user };
}
