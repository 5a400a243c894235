import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_OPTIONS: Options = {
	// Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id
	algorithm: 2 as Algorithm,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
};

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// a malformed stored hash is a mismatch, not a crash
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash so a sign-in for an unknown email takes as long as one with
 * a wrong password: the timing must not tell which emails have accounts.
 */
export async function spendPasswordCheckTime(password: string): Promise<void> {
	dummyHash ??= hashPassword(generateDummyPassword());
	await verifyPassword(await dummyHash, password);
}

function generateDummyPassword(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16)).join('');
}

/**
 * zxcvbn-ts's list of ~49,000 passwords most often found in breaches (from its maintained
 * `language-common` package), compared case-insensitively: "Password1" is as weak as "password1".
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
	dictionary['passwords-common'].map((p) => p.toLowerCase())
);

export function isCommonPassword(password: string): boolean {
	return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** Why a new password is refused, or null when it is acceptable. */
export function newPasswordProblem(password: string, email?: string): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
	if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
	if (isCommonPassword(password)) {
		return 'This password is one of the most commonly used ones, which attackers try first. Choose another.';
	}
	if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
		return 'Your password must not be your email address.';
	}
	return null;
}
