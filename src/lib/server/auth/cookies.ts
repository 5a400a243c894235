import type { Cookies } from '@sveltejs/kit';

/**
 * Over HTTPS the cookie is `Secure` and `__Host-`-prefixed (the browser then refuses it from plain
 * HTTP, another host or another path). Over plain HTTP (a classroom laptop at http://192.168.…)
 * browsers drop a `Secure` cookie, so there it is a plain cookie or nobody could stay signed in.
 */
export const SECURE_SESSION_COOKIE = '__Host-session';
export const PLAIN_SESSION_COOKIE = 'session';

/** `url` is the request's URL as SvelteKit sees it: its protocol is the client's, or ORIGIN's when set. */
export function overHttps(url: URL): boolean {
	return url.protocol === 'https:';
}

export function sessionCookieName(url: URL): string {
	return overHttps(url) ? SECURE_SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}

/** The session token this request carries, from the cookie its protocol allows. */
export function readSessionTokenCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookieName(url));
}

/** The guide's cookie: HttpOnly so scripts cannot read it, SameSite=Lax so other sites' forms cannot send it, Path=/. */
export function setSessionTokenCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(sessionCookieName(url), token, { httpOnly: true, sameSite: 'lax', path: '/', secure: overHttps(url), expires: expiresAt });
}

export function deleteSessionTokenCookie(cookies: Cookies, url: URL): void {
	cookies.set(sessionCookieName(url), '', { httpOnly: true, sameSite: 'lax', path: '/', secure: overHttps(url), maxAge: 0 });
}
