/**
 * Graceful shutdown within 5 seconds of SIGTERM (a container's or systemd's stop, a deploy).
 *
 * adapter-node stops accepting connections, lets requests already made finish and closes each
 * connection once idle, then emits `sveltekit:shutdown`; but it waits up to SHUTDOWN_TIMEOUT
 * (30 s by default) for busy connections, and the process then lingers while anything keeps the
 * event loop alive. Here: a request arriving on a kept-alive connection after the signal is refused
 * (503, `Connection: close`), requests already running finish, the database is closed after the
 * last of them (so every acknowledged submission is committed and PGlite's folder is left clean
 * and unlocked), and the process exits. Requests still running `deadlineMs` (4 s) after the
 * signal are cut off, and a close that hangs is cut short half a second later.
 */

let stopping = false;
let inFlight = 0;
let settled: (() => void) | null = null;

export function isShuttingDown(): boolean {
	return stopping;
}

/** Counts a request while it runs, so shutdown can wait for it. */
export async function trackRequest<T>(work: () => Promise<T>): Promise<T> {
	inFlight += 1;
	try {
		return await work();
	} finally {
		inFlight -= 1;
		if (inFlight === 0) settled?.();
	}
}

/** The answer to a request that arrives after the signal: try again (on another server, or after the restart). */
export function refusedWhileStopping(): Response {
	return new Response('Traceable is restarting. Please try again in a moment.\n', {
		status: 503,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5', connection: 'close', 'cache-control': 'no-store' }
	});
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface ShutdownOptions {
	/** closes the database (and releases its folder) */
	close(): Promise<void>;
	/** stop waiting for running requests this long after the signal (default 4 s, leaving a second to close and exit) */
	deadlineMs?: number;
	log?: (line: string) => void;
	exit?: (code: number) => void;
}

let installed = false;

/** Registers the shutdown on SIGTERM and SIGINT (once per process). */
export function installGracefulShutdown(options: ShutdownOptions): void {
	if (installed) return;
	installed = true;
	const begin = gracefulShutdown(options);
	process.once('SIGTERM', begin);
	process.once('SIGINT', begin);
}

/** The shutdown itself, started by `begin(signal)`; separate from the signals so it can be tested. */
export function gracefulShutdown(options: ShutdownOptions): (signal: NodeJS.Signals) => Promise<void> {
	const { close, deadlineMs = 4_000, log = console.log, exit = (code: number) => process.exit(code) } = options;
	let adapterDone = false;
	// adapter-node: every connection has closed, so every response has been written out
	process.once('sveltekit:shutdown' as 'exit', () => {
		adapterDone = true;
		settled?.();
	});
	return async (signal) => {
		if (stopping) return;
		stopping = true;
		const started = Date.now();
		log(`Traceable: ${signal} received; finishing ${inFlight} request${inFlight === 1 ? '' : 's'} in progress, refusing new ones.`);
		// the last resort: never outlive the deadline, even if closing the database hangs
		setTimeout(() => {
			log('Traceable: shutdown deadline reached; exiting.');
			exit(1);
		}, deadlineMs + 500).unref();

		const waitUntil = started + deadlineMs;
		while (inFlight > 0 || !adapterDone) {
			const left = waitUntil - Date.now();
			if (left <= 0) break;
			// responses of finished requests may still be flushing: give the adapter a moment to report it
			if (inFlight === 0) {
				await Promise.race([new Promise<void>((resolve) => (settled = resolve)), delay(Math.min(left, 250))]);
				break;
			}
			await Promise.race([new Promise<void>((resolve) => (settled = resolve)), delay(left)]);
		}
		settled = null;
		const unfinished = inFlight;
		try {
			await close();
		} catch (error) {
			log(`Traceable: closing the database failed: ${(error as Error).message}`);
		}
		log(
			`Traceable: stopped in ${Date.now() - started} ms` +
				(unfinished ? ` (${unfinished} request${unfinished === 1 ? '' : 's'} cut off at the deadline).` : '.')
		);
		exit(0);
	};
}
