import { eq } from 'drizzle-orm';
import type { Executor } from '../quiz/attempts';
import { users } from '../db/schema';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import type { Database } from '../db';

// no 0/o, 1/l/i: copied by hand from a printed card
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Three groups of four (about 59 bits): typed once from a card, then replaced by the learner. */
export function generateOneTimePassword(): string {
	const limit = 256 - (256 % ALPHABET.length);
	let out = '';
	while (out.length < 12) {
		const bytes = new Uint8Array(24);
		crypto.getRandomValues(bytes);
		for (const b of bytes) if (b < limit && out.length < 12) out += ALPHABET[b % ALPHABET.length];
	}
	return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/**
 * Gives the account a new one-time password, to be replaced at the next sign-in, and ends every
 * session it has: whoever was signed in with the old password is signed out.
 */
export async function resetToOneTimePassword(db: Database, userId: string, exec: Executor = db): Promise<string> {
	const password = generateOneTimePassword();
	const passwordHash = await hashPassword(password);
	await exec.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, userId));
	await invalidateUserSessions(db, userId);
	return password;
}
