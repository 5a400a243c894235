import { describe, expect, it } from 'vitest';
import { keptValues, readForm, signInForm, signUpForm } from '../../src/lib/server/auth/forms';
import { describeDevice, describeLastSeen } from '../../src/lib/server/auth/device';

function formOf(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.append(key, value);
	return form;
}

describe('sign-up form', () => {
	it('normalises the email and trims the name, but never the password', () => {
		const result = readForm(
			signUpForm,
			formOf({ email: '  Ana@School.ORG ', displayName: '  Ana López ', role: 'teacher', password: ' tangerine glacier ' })
		);
		expect(result).toEqual({
			ok: true,
			data: { email: 'ana@school.org', displayName: 'Ana López', role: 'teacher', password: ' tangerine glacier ', redirectTo: '' }
		});
	});

	it('gives one message per bad field, including fields left out of the request', () => {
		const result = readForm(signUpForm, formOf({ email: 'not-an-email', role: 'admin', password: 'password' }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			email: 'Enter an email address like name@school.org.',
			displayName: 'Enter the name your teacher and classmates will see.',
			role: 'Choose whether this is a student or a teacher account.',
			password: expect.stringMatching(/most commonly used/)
		});
	});

	it('refuses over-long input with a message rather than storing or crashing on it', () => {
		const result = readForm(
			signUpForm,
			formOf({ email: `${'a'.repeat(250)}@x.org`, displayName: 'n'.repeat(61), role: 'student', password: 'p'.repeat(129) })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.email).toMatch(/at most 254/);
		expect(result.errors.displayName).toMatch(/at most 60/);
		expect(result.errors.password).toMatch(/at most 128/);
	});

	it('treats an uploaded file in a text field as bad input', () => {
		const form = formOf({ email: 'a@b.org', role: 'student', password: 'tangerine glacier', displayName: 'A' });
		form.set('displayName', new Blob(['x']), 'x.txt');
		const result = readForm(signUpForm, form);
		expect(result.ok).toBe(false);
	});

	it('keeps what was typed, except passwords, and shortens absurd input', () => {
		const form = formOf({ email: 'ana@school.org', password: 'secret!!', displayName: 'x'.repeat(1000) });
		expect(keptValues(form, ['email', 'displayName'])).toEqual({ email: 'ana@school.org', displayName: 'x'.repeat(300) });
	});
});

describe('sign-in form', () => {
	it('asks for both fields and bounds the password length', () => {
		const empty = readForm(signInForm, formOf({}));
		expect(empty.ok === false && empty.errors).toEqual({ email: 'Enter your email or username.', password: 'Enter your password.' });
		const long = readForm(signInForm, formOf({ email: 'a@b.org', password: 'x'.repeat(129) }));
		expect(long.ok === false && long.errors.password).toMatch(/at most 128/);
	});

	it('takes an email or a roster username, lower-cased, and refuses anything else', () => {
		const byUsername = readForm(signInForm, formOf({ email: ' Ana.Lopez2 ', password: 'pw' }));
		expect(byUsername.ok && byUsername.data.email).toBe('ana.lopez2');
		const byEmail = readForm(signInForm, formOf({ email: 'Ana@School.org', password: 'pw' }));
		expect(byEmail.ok && byEmail.data.email).toBe('ana@school.org');
		for (const bad of ['ana lopez', 'not@an', '.ana', 'a']) {
			const refused = readForm(signInForm, formOf({ email: bad, password: 'pw' }));
			expect(refused.ok === false && refused.errors.email, bad).toMatch(/email address like|username on your card/);
		}
	});
});

describe('device descriptions', () => {
	it('name the browser and system of common user agents', () => {
		expect(
			describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1')
		).toBe('Safari on iPhone');
		expect(
			describeDevice('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36')
		).toBe('Chrome on Android');
		expect(
			describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0')
		).toBe('Edge on Windows');
		expect(describeDevice('Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36')).toBe(
			'Chrome on ChromeOS'
		);
		expect(describeDevice('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0')).toBe('Firefox on macOS');
		expect(describeDevice('')).toBe('Unknown device');
		expect(describeDevice('curl/8.5.0')).toBe('Script or command-line tool');
	});

	it('say when a session was last seen in words', () => {
		const now = new Date('2026-05-10T12:00:00Z');
		const ago = (ms: number) => new Date(now.getTime() - ms);
		expect(describeLastSeen(ago(30_000), now)).toBe('just now');
		expect(describeLastSeen(ago(12 * 60_000), now)).toBe('12 minutes ago');
		expect(describeLastSeen(ago(3 * 3_600_000), now)).toBe('3 hours ago');
		expect(describeLastSeen(ago(26 * 3_600_000), now)).toBe('yesterday');
		expect(describeLastSeen(ago(40 * 86_400_000), now)).toBe('on 31 March 2026');
	});
});
