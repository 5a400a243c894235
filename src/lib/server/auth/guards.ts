import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isTeacherRole, type SessionUser } from './types';

/** Only same-site paths are accepted as a place to return to after signing in. */
export function safeReturnPath(candidate: string | null | undefined, fallback = '/'): string {
	if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
		return fallback;
	}
	try {
		const url = new URL(candidate, 'http://same.invalid');
		if (url.origin !== 'http://same.invalid') return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}

export function signInPath(event: Pick<RequestEvent, 'url'>): string {
	// a form action's "?/name" is not a page to come back to: return to the page itself
	const query = new URLSearchParams([...event.url.searchParams].filter(([name]) => !name.startsWith('/')));
	const search = query.size > 0 ? `?${query}` : '';
	const back = event.url.pathname + search;
	return `/signin?redirectTo=${encodeURIComponent(back)}`;
}

/** Every protected load and action calls this: a layout check alone does not guard a form action. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, signInPath(event));
	return user;
}

/** Teachers and the administrator (who also teaches). */
export function requireTeacher(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event);
	if (!isTeacherRole(user.role)) error(403, 'This page is for teachers.');
	return user;
}

export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'admin') error(403, 'This page is for the administrator.');
	return user;
}

/** Pages a user with a one-time password may still open: the page to replace it, and signing out. */
export const FIRST_PASSWORD_PATH = '/welcome';
export function firstPasswordRedirect(user: SessionUser | null, pathname: string): string | null {
	if (!user?.mustChangePassword) return null;
	if (pathname === FIRST_PASSWORD_PATH || pathname === '/signout' || pathname === '/health') return null;
	return FIRST_PASSWORD_PATH;
}
