import fs from 'node:fs';
import net from 'node:net';
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
// beside the shared server's port, so two runs with different E2E_PORTs keep apart
const PORT = Number(process.env.E2E_PORT ?? 4173) + 48;
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

/** A form post as a browser without JavaScript sends it, from `address` (read from X-Forwarded-For by servers told to). */
async function postForm(origin: string, pathName: string, fields: Record<string, string>, options: { cookie?: string; address?: string } = {}) {
	const response = await fetch(`${origin}${pathName}`, {
		method: 'POST',
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(options.cookie ? { cookie: options.cookie } : {}),
			...(options.address ? { 'x-forwarded-for': options.address } : {})
		}
	});
	const body = await response.text();
	const token = /(?:^|,\s*)session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
	return { status: response.status, body, cookie: token ? `session=${token}` : undefined };
}

/** Who the cookie signs in as on that server: the account page's 200, or null when it sends to sign-in. */
async function accountPage(origin: string, cookie: string): Promise<string | null> {
	const response = await fetch(`${origin}/account`, { headers: { cookie }, redirect: 'manual' });
	return response.status === 200 ? await response.text() : null;
}

/** A client on a bad connection: the headers and part of the body of a submission, then nothing. */
function stalledUpload(server: RunningServer, attempt: Attempt) {
	const { port } = new URL(server.url);
	const socket = net.connect(Number(port), '127.0.0.1');
	socket.on('error', () => {});
	const sent = new Promise<void>((resolve) =>
		socket.once('connect', () => {
			socket.write(
				`POST ${attempt.path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\nCookie: ${attempt.cookie}\r\n` +
					`Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${attempt.body.length + 100}\r\n\r\n${attempt.body.slice(0, 20)}`,
				// give the server a moment to hand the request to the app
				() => setTimeout(resolve, 300)
			);
		})
	);
	return { sent, socket };
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

		async function started(beforeExec?: string, startupMs = 60_000): Promise<RunningServer> {
			const server = startServer(env(), PORT, beforeExec);
			await waitUntilHealthy(server, startupMs);
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
			test.setTimeout(240_000);
			target = await freshBenchDatabase(engine, process.env.TEST_DATABASE_URL);
			// first start: migrations and content generation, as in production; then the learners
			await stopped(await started(undefined, 180_000));
			seeded = await withDatabase((db) => seedBench(db, 800));
		});
		test.afterAll(async () => {
			await target?.drop();
		});

		test('200 learners submitting at once are all stored; one attempt submitted 50 times at once is stored once, the same result shown to each', async () => {
			const learners = take(200);
			const [twice] = take(1);
			const server = await started();
			// both bursts together: 250 requests in flight at once
			const [results, copies] = await Promise.all([
				Promise.all(learners.map((attempt) => submit(server.url, attempt))),
				Promise.all(Array.from({ length: 50 }, () => submit(server.url, twice)))
			]);
			const page = await fetch(`${server.url}/attempts/${twice.id}`, { headers: { cookie: twice.cookie } });
			expect(page.status).toBe(200);
			await stopped(server);
			expect(results.map((r) => `${r.status} ${r.location}`)).toEqual(learners.map((a) => `303 /attempts/${a.id}`));
			expect(new Set(copies.map((r) => `${r.status} ${r.location}`))).toEqual(new Set([`303 /attempts/${twice.id}`]));
			expect((await submittedAmong(learners.map((a) => a.id))).length).toBe(200);
			const progress = await withDatabase((db) =>
				selectRows<{ attempts: number }>(db, sql`select attempts_submitted as attempts from lesson_progress where user_id = ${twice.userId}`)
			);
			expect(progress).toEqual([{ attempts: 1 }]);
		});

		test('kill -9 while submissions flow loses no acknowledged submission, and the restart needs no repair', async () => {
			test.setTimeout(120_000);
			const acknowledged: string[] = [];
			const rounds = engine === 'pglite' ? ['plain restart', 'restart with the same pid'] : ['plain restart'];
			let server = await started();
			for (const round of rounds) {
				const flow = submissionFlow(server.url, take(120), 20);
				await waitFor(() => flow.acknowledged.length >= 15, 20_000);
				server.child.kill('SIGKILL');
				await flow.stop();
				expect(await server.waitForExit(5_000)).not.toBeNull();
				expect(flow.acknowledged.length, `${round}: ${JSON.stringify([...flow.statuses])}`).toBeGreaterThanOrEqual(15);
				console.log(`kill -9 [${engine}], ${round}: ${flow.acknowledged.length} acknowledged of ${flow.sent()} sent (${JSON.stringify(Object.fromEntries(flow.statuses))})`);
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

		test('SIGTERM with submissions in flight, or a request stalled mid-upload, exits within 5 s and keeps every acknowledged submission', async () => {
			test.setTimeout(120_000);
			const acknowledged: string[] = [];
			const exitTimes: number[] = [];
			for (const round of ['submissions in flight', 'and a stalled upload']) {
				const server = await started();
				const flow = submissionFlow(server.url, take(100), 20);
				await waitFor(() => flow.acknowledged.length >= 10, 20_000);
				const stalled = round === 'and a stalled upload' ? stalledUpload(server, take(1)[0]) : null;
				await stalled?.sent;
				const begun = Date.now();
				server.child.kill('SIGTERM');
				const code = await server.waitForExit(10_000);
				exitTimes.push(Date.now() - begun);
				await flow.stop();
				console.log(`SIGTERM exit [${engine}], ${round}: ${exitTimes.at(-1)} ms`);
				expect(code, server.output()).toBe(0);
				expect(exitTimes.at(-1), round).toBeLessThan(5_000);
				// adapter-node alone waits SHUTDOWN_TIMEOUT (30 s) for a stalled upload: without the fix, no exit
				// within 10 s, so the exit time above is the check; the stalled socket is only cleaned up here
				stalled?.socket.destroy();
				// a request after the signal is refused or cannot connect; none fails on the server
				expect([...flow.statuses.keys()].filter((s) => !['303', '503', 'connection error'].includes(s))).toEqual([]);
				acknowledged.push(...flow.acknowledged);
			}
			expect((await submittedAmong(acknowledged)).sort()).toEqual([...acknowledged].sort());
		});

		if (engine === 'postgres') {
			test('two app servers on one PostgreSQL share sessions, throttling and submissions', async () => {
				test.setTimeout(120_000);
				const shared = { ...env(), TRUSTED_PROXY_HEADER: 'x-forwarded-for', SIGN_UP_LIMIT_PER_HOUR: '5' };
				const servers = [startServer(shared, PORT + 3), startServer(shared, PORT + 4)];
				try {
					await Promise.all(servers.map((server) => waitUntilHealthy(server)));
					const [a, b] = servers.map((server) => server.url);
					const email = `shared-${Date.now()}@school.example`;
					const password = 'tangerine glacier 42';

					// sessions: made on one server, honoured by the other; signing in again on the other ends the old token
					const signUp = await postForm(a, '/signup', { email, displayName: 'Shared learner', role: 'student', password }, { address: '192.0.2.1' });
					expect(signUp.status).toBe(303);
					expect(await accountPage(b, signUp.cookie!)).toContain(email);
					const again = await postForm(b, '/signin', { email, password }, { cookie: signUp.cookie, address: '192.0.2.1' });
					expect(again.status).toBe(303);
					expect(again.cookie).not.toBe(signUp.cookie);
					expect(await accountPage(a, signUp.cookie!)).toBeNull();
					expect(await accountPage(a, again.cookie!)).toContain(email);
					// a password change on one server: a new token here, the old one refused on the other
					const changed = await postForm(a, '/account?/changePassword', { currentPassword: password, newPassword: 'violet harbour 19' }, { cookie: again.cookie });
					expect(changed.status).toBe(200);
					expect(changed.cookie).toBeDefined();
					expect(await accountPage(b, again.cookie!)).toBeNull();
					expect(await accountPage(b, changed.cookie!)).toContain(email);

					// throttling: guesses from one address through both servers lock that address out of the account ...
					for (let i = 0; i < 6; i++) {
						const guess = await postForm(i % 2 ? a : b, '/signin', { email, password: `guess ${i}` }, { address: '203.0.113.5' });
						expect(guess.status).toBe(400);
					}
					const locked = await postForm(a, '/signin', { email, password: 'violet harbour 19' }, { address: '203.0.113.5' });
					expect(locked.status).toBe(429);
					// ... but not the learner at their own address
					expect((await postForm(b, '/signin', { email, password: 'violet harbour 19' }, { address: '198.51.100.7' })).status).toBe(303);
					// sign-up per address, counted across both servers
					const signUps = [];
					for (let i = 0; i < 6; i++) {
						signUps.push((await postForm(i % 2 ? a : b, '/signup', { email: `bulk${i}-${Date.now()}@school.example`, displayName: `Bulk ${i}`, role: 'student', password }, { address: '203.0.113.77' })).status);
					}
					expect(signUps).toEqual([303, 303, 303, 303, 303, 429]);
					expect((await postForm(a, '/signup', { email: `other-${Date.now()}@school.example`, displayName: 'Other', role: 'student', password }, { address: '203.0.113.78' })).status).toBe(303);

					// submissions: 100 learners split over both servers, and one attempt sent 50 times to both
					const learners = take(100);
					const results = await Promise.all(learners.map((attempt, i) => submit(i % 2 ? a : b, attempt)));
					expect(results.map((r) => `${r.status} ${r.location}`)).toEqual(learners.map((l) => `303 /attempts/${l.id}`));
					const [twice] = take(1);
					const copies = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(i % 2 ? a : b, twice)));
					expect(new Set(copies.map((r) => `${r.status} ${r.location}`))).toEqual(new Set([`303 /attempts/${twice.id}`]));
					expect((await submittedAmong([...learners.map((l) => l.id), twice.id])).length).toBe(101);
					const progress = await withDatabase((db) =>
						selectRows<{ attempts: number }>(db, sql`select attempts_submitted as attempts from lesson_progress where user_id = ${twice.userId}`)
					);
					expect(progress).toEqual([{ attempts: 1 }]);
				} finally {
					for (const server of servers) server.child.kill('SIGTERM');
					await Promise.all(servers.map((server) => server.waitForExit(10_000)));
				}
			});
		}
	});
}
