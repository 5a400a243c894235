import type { Handle, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { isConfigurationError, startApp, stopApp } from '$lib/server/app';
import { appDb } from '$lib/server/db';
import { SESSION_COOKIE, deleteSessionTokenCookie, setSessionTokenCookie } from '$lib/server/auth/cookies';
import { sweepAuthTablesIfDue } from '$lib/server/auth/maintenance';
import { validateSessionToken } from '$lib/server/auth/session';
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
	if (process.env.PORT || process.env.SOCKET_PATH || process.env.ORIGIN) return;
	console.log(`Traceable: open http://localhost:3000 in a browser`);
};

// adapter-node waits for open handles on shutdown: an open database would keep SIGTERM from exiting
process.once('sveltekit:shutdown', () => {
	void stopApp();
});

/** Validates the session cookie into locals; refreshes the cookie when the session was extended. */
export const handle: Handle = async ({ event, resolve }) => {
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
		// a one-time password (roster card, reset) is replaced before anything else
		const replaceFirst = firstPasswordRedirect(user, event.url.pathname);
		if (replaceFirst) return new Response(null, { status: 303, headers: { location: replaceFirst } });
	} else {
		deleteSessionTokenCookie(event.cookies, !dev);
	}
	return resolve(event);
};
