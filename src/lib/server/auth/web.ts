import type { RequestEvent } from '@sveltejs/kit';
import { appDb } from '../db';
import { clientAddress } from './client-address';
import { deleteSessionTokenCookie, setSessionTokenCookie } from './cookies';
import { invalidateSession, rotateSession } from './session';
import type { SessionUser } from './types';

/** The glue between SvelteKit requests and the auth modules; only routes and hooks import it. */

export function requestClientAddress(event: Pick<RequestEvent, 'request' | 'getClientAddress'>): string {
	return clientAddress(event.request.headers, () => event.getClientAddress());
}

/** Signs the user in on this browser: a new session and its cookie; the browser's previous session ends. */
export async function startSession(event: RequestEvent, user: SessionUser): Promise<void> {
	const { token, session } = await rotateSession(appDb(), user.id, event.locals.session?.id ?? null, {
		userAgent: event.request.headers.get('user-agent') ?? '',
		ipAddress: requestClientAddress(event)
	});
	setSessionTokenCookie(event.cookies, event.url, token, session.expiresAt);
	event.locals.user = user;
	event.locals.session = { ...session, fresh: true };
}

export async function endCurrentSession(event: RequestEvent): Promise<void> {
	if (event.locals.session) await invalidateSession(appDb(), event.locals.session.id);
	forgetSessionCookie(event);
}

export function forgetSessionCookie(event: RequestEvent): void {
	deleteSessionTokenCookie(event.cookies, event.url);
	event.locals.user = null;
	event.locals.session = null;
}

export { readFormData } from '../http/form';
