import type { Handle, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { isConfigurationError, startApp, stopApp } from '$lib/server/app';
import { appDb } from '$lib/server/db';
import { SESSION_COOKIE, deleteSessionTokenCookie, setSessionTokenCookie } from '$lib/server/auth/cookies';
import { sweepAuthTablesIfDue } from '$lib/server/auth/maintenance';
import { validateSessionToken } from '$lib/server/auth/session';
import { installGracefulShutdown, isShuttingDown, refusedWhileStopping, trackRequest } from '$lib/server/shutdown';

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
	if (process.env.PORT || process.env.SOCKET_PATH || process.env.ORIGIN) return;
	console.log(`Traceable: open http://localhost:3000 in a browser`);
};

/** Refused once shutdown has begun; counted while it runs, so shutdown can wait for it. */
export const handle: Handle = async (input) => {
	if (isShuttingDown()) return refusedWhileStopping();
	return trackRequest(async () => handleRequest(input));
};

/** Validates the session cookie into locals; refreshes the cookie when the session was extended. */
const handleRequest: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const db = appDb();
	sweepAuthTablesIfDue(db);
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return resolve(event);

	const { session, user } = await validateSessionToken(db, token);
	if (session) {
		if (session.fresh) setSessionTokenCookie(event.cookies, token, session.expiresAt, !dev);
		event.locals.user = user;
		event.locals.session = session;
	} else {
		deleteSessionTokenCookie(event.cookies, !dev);
	}
	return resolve(event);
};
