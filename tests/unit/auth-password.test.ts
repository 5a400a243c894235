import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
	hashPassword,
	isCommonPassword,
	newPasswordProblem,
	spendPasswordCheckTime,
	verifyPassword
} from '../../src/lib/server/auth/password';
import { normaliseEmail } from '../../src/lib/server/auth/email';

describe('password hashing', () => {
	it('uses argon2id with at least 19 MiB, 2 passes and 1 lane, salted per hash', async () => {
		const first = await hashPassword('correct horse battery');
		const second = await hashPassword('correct horse battery');
		expect(first.startsWith('$argon2id$v=19$')).toBe(true);
		const options = parseOptions(first);
		expect(options.memoryCost).toBeGreaterThanOrEqual(19456);
		expect(options.timeCost).toBeGreaterThanOrEqual(2);
		expect(options.parallelism).toBe(1);
		expect(first).not.toBe(second);
	});

	it('verifies the right password only, and treats a malformed stored hash as a mismatch', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
		expect(await verifyPassword('not a hash', 'correct horse battery')).toBe(false);
	});

	it('spends a verification on unknown accounts without throwing', async () => {
		await expect(spendPasswordCheckTime('whatever password')).resolves.toBeUndefined();
	});
});

describe('new password rules', () => {
	it('accepts 8 to 128 characters, counted as characters rather than bytes', () => {
		expect(newPasswordProblem('a'.repeat(7) + 'z')).toBeNull();
		expect(newPasswordProblem('quiet river 7')).toBeNull();
		expect(newPasswordProblem('short1!')).toMatch(/at least 8/);
		expect(newPasswordProblem('x'.repeat(128))).toBeNull();
		expect(newPasswordProblem('x'.repeat(129))).toMatch(/at most 128/);
		expect(newPasswordProblem('ñ'.repeat(8))).toBeNull();
	});

	it('rejects the most common passwords whatever their case', () => {
		expect(isCommonPassword('password')).toBe(true);
		expect(isCommonPassword('Password')).toBe(true);
		expect(isCommonPassword('12345678')).toBe(true);
		expect(isCommonPassword('iloveyou')).toBe(true);
		expect(isCommonPassword('tangerine glacier 42')).toBe(false);
		expect(newPasswordProblem('qwertyuiop')).toMatch(/most commonly used/);
		expect(newPasswordProblem('Sunshine')).toMatch(/most commonly used/);
	});

	it('rejects the email address as a password', () => {
		expect(newPasswordProblem('ana@school.org', 'Ana@School.org')).toMatch(/email/);
		expect(newPasswordProblem('ana@school.org', 'ben@school.org')).toBeNull();
	});
});

describe('emails', () => {
	it('are trimmed and lower-cased', () => {
		expect(normaliseEmail('  Ana.Lopez@School.ORG \n')).toBe('ana.lopez@school.org');
	});
});
