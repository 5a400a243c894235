import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { deleteSessionTokenCookie, readSessionTokenCookie, setSessionTokenCookie } from '../../src/lib/server/auth/cookies';

type Options = Parameters<Cookies['set']>[2];

function recordingCookies(present: Record<string, string> = {}) {
	const set: { name: string; value: string; options: Options }[] = [];
	const cookies = {
		get: (name: string) => present[name],
		set: (name: string, value: string, options: Options) => void set.push({ name, value, options })
	} as unknown as Cookies;
	return { cookies, set };
}

describe('the session cookie follows the protocol the request came over', () => {
	const expires = new Date('2030-01-01T00:00:00Z');

	it('over HTTPS (directly, or as ORIGIN or a trusted proxy says) it is Secure and __Host- prefixed', () => {
		const { cookies, set } = recordingCookies();
		setSessionTokenCookie(cookies, new URL('https://traceable.example.org/signin'), 'token', expires);
		expect(set).toEqual([
			{ name: '__Host-session', value: 'token', options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true, expires } }
		]);
	});

	it('over plain HTTP on a classroom network it is set without Secure, or the browser would drop it', () => {
		const { cookies, set } = recordingCookies();
		setSessionTokenCookie(cookies, new URL('http://192.168.1.20:3000/signin'), 'token', expires);
		expect(set[0].name).toBe('session');
		expect(set[0].options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: false });
	});

	it('is read, and deleted, under the name its protocol allows', () => {
		const { cookies, set } = recordingCookies({ session: 'plain', '__Host-session': 'secure' });
		expect(readSessionTokenCookie(cookies, new URL('http://classroom.test:3000/'))).toBe('plain');
		// a cookie set over plain HTTP is not accepted as the HTTPS session
		expect(readSessionTokenCookie(cookies, new URL('https://traceable.example.org/'))).toBe('secure');
		expect(readSessionTokenCookie(recordingCookies({ session: 'plain' }).cookies, new URL('https://traceable.example.org/'))).toBeUndefined();
		deleteSessionTokenCookie(cookies, new URL('https://traceable.example.org/'));
		expect(set[0]).toMatchObject({ name: '__Host-session', value: '', options: { maxAge: 0, secure: true } });
	});
});
