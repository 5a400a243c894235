import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * Session tokens as the Lucia guide lays them out: `<id>.<secret>`. The id finds the row; only
 * sha-256(secret) is stored, so a leaked database holds no usable token, and the secret is
 * compared in constant time so response timing says nothing about how much of it matched.
 */

// 20 random bytes = 160 bits, above ASVS 5.0's 128-bit minimum for session secrets
const RANDOM_BYTES = 20;
// base32 of 20 bytes is exactly 32 characters (no padding)
const PART_PATTERN = /^[a-z2-7]{32}$/;

/** 160 bits from the operating system's secure random source, as lower-case base32. */
export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(RANDOM_BYTES);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export interface SessionTokenParts {
	id: string;
	secret: string;
}

export function generateSessionToken(): SessionTokenParts & { token: string } {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	return { id, secret, token: `${id}.${secret}` };
}

/** Splits a cookie value; anything that is not exactly `<id>.<secret>` in our alphabet is null. */
export function parseSessionToken(token: string): SessionTokenParts | null {
	if (token.length !== 65) return null;
	const [id, secret, ...rest] = token.split('.');
	if (rest.length > 0 || !PART_PATTERN.test(id) || !PART_PATTERN.test(secret ?? '')) return null;
	return { id, secret };
}

export function hashSessionSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function sessionSecretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSessionSecret(secret), storedHash);
}
