import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { isConfigurationError, startApp, stopApp } from '$lib/server/app';

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

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	return resolve(event);
};
