import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { isConfigurationError, startApp, stopApp } from '$lib/server/app';
import { appDb } from '$lib/server/db';
import { deleteSessionTokenCookie, readSessionTokenCookie, setSessionTokenCookie } from '$lib/server/auth/cookies';
import { sweepAuthTablesIfDue } from '$lib/server/auth/maintenance';
import { validateSessionToken } from '$lib/server/auth/session';
import { refuseMalformedRequest } from '$lib/server/http/request-guard';
import { withSecurityHeaders } from '$lib/server/http/security-headers';
import { installGracefulShutdown, isShuttingDown, refusedWhileStopping, trackRequest } from '$lib/server/shutdown';
import { firstPasswordRedirect } from '$lib/server/auth/guards';

export const init: ServerInit = async () => {
	if (building) return;
	try {
		await startApp();
	} catch (error) {
		if (isConfigurationError(error)) {
			console.error(`Traceable cannot start: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
	// SIGTERM: finish the requests in progress, refuse new ones, close the database, exit within 5 s
	installGracefulShutdown({ close: stopApp });
};

/** Refused once shutdown has begun; counted while it runs, so shutdown can wait for it. */
const trackForShutdown: Handle = async ({ event, resolve }) => {
	if (isShuttingDown()) return refusedWhileStopping();
	return trackRequest(async () => resolve(event));
};

/** Bad addresses and bodies are refused before anything else runs; every response gets the security headers. */
const hardenRequest: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const refused = await refuseMalformedRequest(event);
	return withSecurityHeaders(refused ?? (await resolve(event)), event);
};

/** Validates the session cookie into locals; refreshes the cookie when the session was extended. */
const validateSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const db = appDb();
	sweepAuthTablesIfDue(db);
	const token = readSessionTokenCookie(event.cookies, event.url);
	if (!token) return resolve(event);

	const { session, user } = await validateSessionToken(db, token);
	if (session) {
		if (session.fresh) setSessionTokenCookie(event.cookies, event.url, token, session.expiresAt);
		event.locals.user = user;
		event.locals.session = session;
		// a one-time password (roster card, reset) is replaced before anything else
		const replaceFirst = firstPasswordRedirect(user, event.url.pathname);
		if (replaceFirst) return new Response(null, { status: 303, headers: { location: replaceFirst } });
	} else {
		deleteSessionTokenCookie(event.cookies, event.url);
	}
	return resolve(event);
};

export const handle = sequence(trackForShutdown, hardenRequest, validateSession);

/** A missing page is the visitor's mistake, not the server's: only unexpected failures are logged. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status < 500) return { message };
	console.error(`[${status}] ${event.request.method} ${event.url.pathname}`, error);
	return { message };
};
