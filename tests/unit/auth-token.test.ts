import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import {
	generateSecureRandomString,
	generateSessionToken,
	hashSessionSecret,
	parseSessionToken,
	sessionSecretMatches
} from '../../src/lib/server/auth/token';

describe('session tokens', () => {
	it('are <id>.<secret> with a 160-bit secret in lower-case base32', () => {
		const { id, secret, token } = generateSessionToken();
		expect(token).toBe(`${id}.${secret}`);
		expect(secret).toMatch(/^[a-z2-7]{32}$/);
		expect(decodeBase32IgnorePadding(secret.toUpperCase())).toHaveLength(20);
		expect(decodeBase32IgnorePadding(id.toUpperCase()).length * 8).toBeGreaterThanOrEqual(128);
	});

	it('never repeat and use every symbol of the alphabet (a secure random source, not a counter)', () => {
		const seen = new Set<string>();
		const symbols = new Set<string>();
		for (let i = 0; i < 2000; i++) {
			const value = generateSecureRandomString();
			seen.add(value);
			for (const c of value) symbols.add(c);
		}
		expect(seen.size).toBe(2000);
		expect(symbols.size).toBe(32);
	});

	it('parses only the exact shape it issues', () => {
		const { id, secret, token } = generateSessionToken();
		expect(parseSessionToken(token)).toEqual({ id, secret });
		expect(parseSessionToken(id)).toBeNull();
		expect(parseSessionToken(`${id}.${secret}.x`)).toBeNull();
		expect(parseSessionToken(`${id}.${secret.toUpperCase()}`)).toBeNull();
		expect(parseSessionToken(`${id}.${secret.slice(0, 31)}1`)).toBeNull();
		expect(parseSessionToken('')).toBeNull();
		expect(parseSessionToken('.'.repeat(65))).toBeNull();
	});

	it('stores sha-256 of the secret and matches only the same secret', () => {
		const { secret } = generateSessionToken();
		const stored = hashSessionSecret(secret);
		expect(stored).toHaveLength(32);
		expect(Buffer.from(stored).toString('hex')).toBe(
			createHash('sha256').update(secret).digest('hex')
		);
		expect(sessionSecretMatches(secret, stored)).toBe(true);
		const other = generateSessionToken().secret;
		expect(sessionSecretMatches(other, stored)).toBe(false);
		// a hash of another length is a mismatch, not an exception
		expect(sessionSecretMatches(secret, stored.slice(0, 16))).toBe(false);
	});
});
