import fs from 'node:fs';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { openDatabase, selectRows, type Database } from '../../src/lib/server/db/client';
import { quizAttempts } from '../../src/lib/server/db/schema';
import { LOCK_FILE_NAME, parseLockHolder } from '../../src/lib/server/db/data-dir-lock';
import { freshBenchDatabase, type BenchDatabase } from '../../src/cli/bench/server';
import { seedBench, type Seeded } from '../../src/cli/bench/quiz';
import { startServer, waitUntilHealthy, type RunningServer } from '../helpers/server-process';

/**
 * The load and fault checks, against the production build as its own process on loopback, on
 * PGlite and (with TEST_DATABASE_URL) on PostgreSQL: many learners submitting at once, one
 * attempt submitted many times at once, kill -9 and SIGTERM while submissions flow, and (on
 * PostgreSQL) two app servers sharing one database. Each run seeds its own fresh database.
 */
test.describe.configure({ mode: 'serial' });

const engines: Array<'pglite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const PORT = 4221;
type Attempt = Seeded['attempts'][number];

interface Submitted {
	status: number;
	location: string | null;
}

async function submit(origin: string, attempt: Attempt): Promise<Submitted> {
	const response = await fetch(`${origin}${attempt.path}`, {
		method: 'POST',
		body: attempt.body,
		redirect: 'manual',
		headers: { cookie: attempt.cookie, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
	});
	await response.arrayBuffer();
	return { status: response.status, location: response.headers.get('location') };
}

/**
 * Learners submitting one after another on `workers` connections until `stop()` (or the attempts
 * run out); an attempt counts as acknowledged when its 303 to the results page arrived.
 */
function submissionFlow(origin: string, attempts: Attempt[], workers: number) {
	const acknowledged: string[] = [];
	const statuses = new Map<string, number>();
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < attempts.length) {
			const attempt = attempts[next++];
			try {
				const result = await submit(origin, attempt);
				const key = String(result.status);
				statuses.set(key, (statuses.get(key) ?? 0) + 1);
				if (result.status === 303 && result.location === `/attempts/${attempt.id}`) acknowledged.push(attempt.id);
			} catch {
				// the server went away mid-request: not acknowledged
				statuses.set('connection error', (statuses.get('connection error') ?? 0) + 1);
			}
		}
	};
	const done = Promise.all(Array.from({ length: workers }, worker));
	return {
		acknowledged,
		statuses,
		sent: () => next,
		async stop() {
			stopped = true;
			await done;
		}
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (!condition() && Date.now() < deadline) await sleep(20);
}

for (const engine of engines) {
	test.describe(`load and faults [${engine}]`, () => {
		let target: BenchDatabase;
		let seeded: Seeded;
		let taken = 0;
		const take = (n: number) => seeded.attempts.slice(taken, (taken += n));
		const env = () => ({ DATABASE_URL: target.databaseUrl });

		/** Opens the database from the test (PGlite: only while no server holds the folder). */
		async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
			const handle = await openDatabase(engine === 'pglite' ? { kind: 'pglite', dataDir: target.databaseUrl } : { kind: 'postgres', url: target.databaseUrl });
			try {
				return await work(handle.db);
			} finally {
				await handle.close();
			}
		}
		const submittedAmong = (ids: string[]) =>
			withDatabase(async (db) =>
				ids.length === 0
					? []
					: (await db.select({ id: quizAttempts.id, state: quizAttempts.state }).from(quizAttempts).where(inArray(quizAttempts.id, ids)))
							.filter((row) => row.state === 'submitted')
							.map((row) => row.id)
			);

		async function started(beforeExec?: string): Promise<RunningServer> {
			const server = startServer(env(), PORT, beforeExec);
			await waitUntilHealthy(server);
			return server;
		}
		async function stopped(server: RunningServer): Promise<number> {
			const begun = Date.now();
			server.child.kill('SIGTERM');
			const code = await server.waitForExit(10_000);
			expect(code, server.output()).toBe(0);
			return Date.now() - begun;
		}

		test.beforeAll(async () => {
			test.setTimeout(180_000);
			target = await freshBenchDatabase(engine, process.env.TEST_DATABASE_URL);
			// first start: migrations and content generation, as in production; then the learners
			await stopped(await started());
			seeded = await withDatabase((db) => seedBench(db, 900));
		});
		test.afterAll(async () => {
			await target?.drop();
		});

		test('200 learners submitting at once are all stored, none refused', async () => {
			const learners = take(200);
			const server = await started();
			const results = await Promise.all(learners.map((attempt) => submit(server.url, attempt)));
			await stopped(server);
			expect(results.filter((r) => r.status !== 303)).toEqual([]);
			expect(results.map((r) => r.location)).toEqual(learners.map((a) => `/attempts/${a.id}`));
			expect((await submittedAmong(learners.map((a) => a.id))).length).toBe(200);
		});

		test('one attempt submitted 50 times at once is stored once and every request is shown the same result', async () => {
			const [attempt] = take(1);
			const server = await started();
			const results = await Promise.all(Array.from({ length: 50 }, () => submit(server.url, attempt)));
			expect(new Set(results.map((r) => `${r.status} ${r.location}`))).toEqual(new Set([`303 /attempts/${attempt.id}`]));
			const page = await fetch(`${server.url}/attempts/${attempt.id}`, { headers: { cookie: attempt.cookie } });
			expect(page.status).toBe(200);
			await stopped(server);
			const progress = await withDatabase((db) =>
				selectRows<{ attempts: number }>(db, sql`select attempts_submitted as attempts from lesson_progress where user_id = ${attempt.userId}`)
			);
			expect(progress).toEqual([{ attempts: 1 }]);
		});

		test('kill -9 while submissions flow loses no acknowledged submission, and the restart needs no repair', async () => {
			test.setTimeout(120_000);
			const acknowledged: string[] = [];
			const rounds = engine === 'pglite' ? ['plain restart', 'restart with the same pid'] : ['plain restart'];
			let server = await started();
			for (const round of rounds) {
				const flow = submissionFlow(server.url, take(200), 20);
				await waitFor(() => flow.acknowledged.length >= 15, 20_000);
				server.child.kill('SIGKILL');
				await flow.stop();
				expect(await server.waitForExit(5_000)).not.toBeNull();
				expect(flow.acknowledged.length, `${round}: ${JSON.stringify([...flow.statuses])}`).toBeGreaterThanOrEqual(15);
				acknowledged.push(...flow.acknowledged);

				let beforeExec: string | undefined;
				if (round === 'restart with the same pid') {
					// as in a container, where the app is pid 1 every time: the lock left behind names
					// the pid the restarted app will have (this shell's, kept across exec)
					const lockFile = path.join(target.databaseUrl, LOCK_FILE_NAME);
					expect(fs.existsSync(lockFile)).toBe(true);
					beforeExec = `sed -i "s/^[0-9]*/$$/" '${lockFile}'`;
				}
				server = await started(beforeExec);
				if (beforeExec) {
					const holder = parseLockHolder(fs.readFileSync(path.join(target.databaseUrl, LOCK_FILE_NAME), 'utf8'));
					expect(holder?.pid).toBe(server.child.pid);
				}
				// the restarted server takes submissions again
				const [after] = take(1);
				expect(await submit(server.url, after)).toEqual({ status: 303, location: `/attempts/${after.id}` });
				acknowledged.push(after.id);
			}
			await stopped(server);
			expect((await submittedAmong(acknowledged)).sort()).toEqual([...acknowledged].sort());
		});

		test('SIGTERM with submissions in flight exits within 5 s and keeps every acknowledged submission', async () => {
			test.setTimeout(120_000);
			const acknowledged: string[] = [];
			const exitTimes: number[] = [];
			for (let round = 0; round < 2; round++) {
				const server = await started();
				const flow = submissionFlow(server.url, take(150), Number(process.env.SIGTERM_WORKERS ?? 20));
				await waitFor(() => flow.acknowledged.length >= 10, 20_000);
				const begun = Date.now();
				server.child.kill('SIGTERM');
				const code = await server.waitForExit(10_000);
				exitTimes.push(Date.now() - begun);
				await flow.stop();
				expect(code, server.output()).toBe(0);
				// a request after the signal is refused or cannot connect; none fails on the server
				expect([...flow.statuses.keys()].filter((s) => !['303', '503', 'connection error'].includes(s))).toEqual([]);
				acknowledged.push(...flow.acknowledged);
			}
			console.log(`SIGTERM exit times [${engine}]: ${exitTimes.join(', ')} ms`);
			for (const ms of exitTimes) expect(ms).toBeLessThan(5_000);
			expect((await submittedAmong(acknowledged)).sort()).toEqual([...acknowledged].sort());
		});
	});
}
