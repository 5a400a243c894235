import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'session';

/**
 * The guide's cookie: HttpOnly so scripts cannot read it, SameSite=Lax so other sites' forms
 * cannot send it, Path=/ for every route, and Secure whenever the site is not the dev server.
 */
export function setSessionTokenCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: expiresAt });
}

export function deleteSessionTokenCookie(cookies: Cookies, secure: boolean): void {
	cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 0 });
}
