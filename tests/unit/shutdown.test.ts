import { beforeEach, describe, expect, it, vi } from 'vitest';

// the shutdown state is per process: a fresh copy of the module for each test
let shutdown: typeof import('../../src/lib/server/shutdown');
beforeEach(async () => {
	vi.resetModules();
	shutdown = await import('../../src/lib/server/shutdown');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder() {
	const events: string[] = [];
	const started = Date.now();
	const at = (what: string) => events.push(what);
	let exited!: (code: number) => void;
	const exit = new Promise<number>((resolve) => (exited = resolve));
	return {
		events,
		exit,
		elapsed: () => Date.now() - started,
		options: (deadlineMs: number) => ({
			deadlineMs,
			log: () => {},
			close: async () => {
				at('database closed');
			},
			exit: (code: number) => {
				at(`exit ${code}`);
				exited(code);
			}
		}),
		at
	};
}

describe('graceful shutdown', () => {
	it('refuses new requests, lets running ones finish, then closes the database and exits', async () => {
		const r = recorder();
		const running = shutdown.trackRequest(async () => {
			await sleep(150);
			r.at('request finished');
		});
		const begin = shutdown.gracefulShutdown(r.options(10_000));
		void begin('SIGTERM');
		expect(shutdown.isShuttingDown()).toBe(true);
		const refused = shutdown.refusedWhileStopping();
		expect(refused.status).toBe(503);
		expect(refused.headers.get('connection')).toBe('close');
		await running;
		expect(await r.exit).toBe(0);
		expect(r.events).toEqual(['request finished', 'database closed', 'exit 0']);
		// not the deadline: as soon as the request was done (and a short wait for adapter-node)
		expect(r.elapsed()).toBeLessThan(5_000);
	});

	it('does not wait past the deadline for a request that never finishes', async () => {
		const r = recorder();
		void shutdown.trackRequest(() => new Promise(() => {}));
		void shutdown.gracefulShutdown(r.options(300))('SIGTERM');
		expect(await r.exit).toBe(0);
		expect(r.events).toEqual(['database closed', 'exit 0']);
		expect(r.elapsed()).toBeGreaterThanOrEqual(290);
		expect(r.elapsed()).toBeLessThan(3_000);
	});

	it('exits at the deadline even when closing the database hangs', async () => {
		const r = recorder();
		const options = { ...r.options(100), close: () => new Promise<void>(() => {}) };
		void shutdown.gracefulShutdown(options)('SIGTERM');
		expect(await r.exit).toBe(1);
		expect(r.elapsed()).toBeLessThan(3_000);
	});
});
