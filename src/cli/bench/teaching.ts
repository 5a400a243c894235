/**
 * Benchmark section for the teacher's side: a generated school of 40 classes × 30 students × 10
 * assignments × 3 attempts (36,000 submitted attempts, 360,000 answers), then the gradebook page,
 * the item analysis page and the CSV of every answer of one class, through the production build
 * on PGlite and (when reachable) PostgreSQL. Times are per request on one connection, after warm-up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseHandle } from '../../lib/server/db/client';
import type { DatabaseTarget } from '../../lib/server/db/config';
import { createSession } from '../../lib/server/auth/session';
import { buildDirectory, freshBenchDatabase, median, postgresReachable, startBuiltServer, type Engine } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 4394);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CLASSES = 40;
const STUDENTS = 30;
const LESSONS = 10;
const ATTEMPTS = 3;
const QUIZ_LENGTH = 10;
const BANK = 14;
const ROUNDS = 30;

export interface PageTiming {
	medianMs: number;
	p95Ms: number;
	bytes: number;
}

export interface TeachingFigures {
	engine: Engine;
	seedSeconds: number;
	attempts: number;
	answers: number;
	gradebook: PageTiming;
	gradebookSorted: PageTiming;
	itemAnalysis: PageTiming;
	csv: { firstByteMs: number; totalMs: number; bytes: number; rows: number; serverRssGrowthMb: number };
	/** 1-minute load average around the page runs: other work on the machine inflates every figure */
	load: { before: number; after: number };
}

export async function benchTeaching(log: (line: string) => void = console.log): Promise<TeachingFigures[]> {
	const buildDir = buildDirectory();
	const engines: Engine[] = ['pglite'];
	const unreachable = await postgresReachable();
	if (unreachable) log(`teaching bench: PostgreSQL not measured: ${unreachable}`);
	else engines.push('postgres');
	const results: TeachingFigures[] = [];
	for (const engine of engines) {
		const fresh = await freshBenchDatabase(engine);
		const target: DatabaseTarget = engine === 'pglite' ? { kind: 'pglite', dataDir: fresh.databaseUrl } : { kind: 'postgres', url: fresh.databaseUrl };
		try {
			// first start: migrations and content, as in production
			await (await startBuiltServer({ buildDir, port: PORT, databaseUrl: fresh.databaseUrl })).stop();
			const handle: DatabaseHandle = await openDatabase(target);
			let seeded: Awaited<ReturnType<typeof seedSchool>>;
			const started = performance.now();
			try {
				seeded = await seedSchool(handle.db);
			} finally {
				await handle.close();
			}
			const seedSeconds = (performance.now() - started) / 1000;
			log(`teaching bench [${engine}]: ${seeded.attempts} attempts, ${seeded.answers} answers seeded in ${seedSeconds.toFixed(1)} s`);
			const server = await startBuiltServer({ buildDir, port: PORT, databaseUrl: fresh.databaseUrl });
			try {
				const base = `/teaching/classes/${seeded.classId}`;
				const before = os.loadavg()[0];
				const gradebook = await timePage(`${base}/gradebook`, seeded.cookie);
				const gradebookSorted = await timePage(`${base}/gradebook?sort=${seeded.assignmentId}.best&dir=desc`, seeded.cookie);
				const itemAnalysis = await timePage(`${base}/assignments/${seeded.assignmentId}?attempts=all`, seeded.cookie);
				const csv = await timeCsv(`${base}/attempts.csv`, seeded.cookie, server.pid);
				results.push({ engine, seedSeconds, attempts: seeded.attempts, answers: seeded.answers, gradebook, gradebookSorted, itemAnalysis, csv, load: { before, after: os.loadavg()[0] } });
				log(`teaching bench [${engine}]: gradebook ${gradebook.medianMs.toFixed(1)} ms, item analysis ${itemAnalysis.medianMs.toFixed(1)} ms, CSV ${csv.rows} rows in ${csv.totalMs.toFixed(0)} ms`);
			} finally {
				await server.stop();
			}
		} finally {
			await fresh.drop();
		}
	}
	return results;
}

/** Everything generated in the database itself (generate_series): seconds, not minutes, for 360,000 rows. */
export async function seedSchool(db: Database) {
	const exec = (query: ReturnType<typeof sql>) => db.execute(query);
	await exec(sql`insert into lessons (id, position, title, objectives, body, generator_version, content_hash)
		select 'bench-l' || l, 1000 + l, 'Bench lesson ' || l, '[{"id":"o1","text":"Objective 1"},{"id":"o2","text":"Objective 2"}]'::jsonb, '{}'::jsonb, 'bench', 'bench'
		from generate_series(1, ${LESSONS}) as l`);
	await exec(sql`insert into questions (id, lesson_id, objective_id, type, current_version)
		select 'bench-l' || l || '-q' || q, 'bench-l' || l, 'o' || (q % 2 + 1), 'multiple_choice', 1
		from generate_series(1, ${LESSONS}) as l, generate_series(0, ${BANK - 1}) as q`);
	await exec(sql`insert into question_versions (question_id, version, prompt, answer, explanation, citations, content_hash)
		select 'bench-l' || l || '-q' || q, 1,
		       jsonb_build_object('type', 'multiple_choice', 'stem', 'Question ' || q || ' of lesson ' || l,
		                          'options', '[{"id":"a","text":"A"},{"id":"b","text":"B"},{"id":"c","text":"C"},{"id":"d","text":"D"}]'::jsonb),
		       '{"type":"multiple_choice","correctOptionId":"c"}'::jsonb, 'Because.',
		       jsonb_build_array(jsonb_build_object('sourceId', 'bench', 'sentenceId', 's' || q, 'start', 0, 'end', 1, 'text', 'Cited.')),
		       'bench-' || l || '-' || q
		from generate_series(1, ${LESSONS}) as l, generate_series(0, ${BANK - 1}) as q`);
	await exec(sql`insert into users (id, username, display_name, role, password_hash)
		select 'bench-t' || t, 'bench.teacher' || t, 'Teacher ' || t, 'teacher', 'no-sign-in' from generate_series(1, ${CLASSES}) as t`);
	await exec(sql`insert into users (id, username, display_name, role, password_hash)
		select 'bench-s' || s, 'bench.student' || s, 'Student ' || lpad(s::text, 4, '0'), 'student', 'no-sign-in'
		from generate_series(1, ${CLASSES * STUDENTS}) as s`);
	await exec(sql`insert into classes (id, name, term, teacher_id, join_code)
		select 'bench-c' || c, 'Class ' || c, 'Bench', 'bench-t' || c, 'B' || lpad(c::text, 5, 'X') from generate_series(1, ${CLASSES}) as c`);
	await exec(sql`insert into class_members (class_id, user_id)
		select 'bench-c' || ((s - 1) / ${STUDENTS} + 1), 'bench-s' || s from generate_series(1, ${CLASSES * STUDENTS}) as s`);
	await exec(sql`insert into assignments (id, class_id, lesson_id, due_at, created_at)
		select 'bench-c' || c || '-l' || l, 'bench-c' || c, 'bench-l' || l, now() - interval '10 days' + l * interval '12 hours', now() - interval '30 days'
		from generate_series(1, ${CLASSES}) as c, generate_series(1, ${LESSONS}) as l`);
	await exec(sql`insert into quiz_attempts (id, user_id, lesson_id, attempt_number, state, seed, question_count, started_at, submitted_at)
		select 'bench-a' || s || '-' || l || '-' || n, 'bench-s' || s, 'bench-l' || l, n, 'submitted', s * 31 + l * 7 + n, ${QUIZ_LENGTH},
		       now() - interval '20 days' + (s % 240) * interval '1 hour' + n * interval '1 day',
		       now() - interval '20 days' + (s % 240) * interval '1 hour' + n * interval '1 day' + interval '10 minutes'
		from generate_series(1, ${CLASSES * STUDENTS}) as s, generate_series(1, ${LESSONS}) as l, generate_series(1, ${ATTEMPTS}) as n`);
	// ten different questions per attempt; stronger students (by number) choose right more often
	await exec(sql`insert into attempt_answers (attempt_id, position, question_id, question_version, response, fraction, answered_at)
		select 'bench-a' || s || '-' || l || '-' || n, p, 'bench-l' || l || '-q' || ((p + s + n) % ${BANK}), 1,
		       jsonb_build_object('type', 'multiple_choice', 'optionId', o.option), case when o.option = 'c' then 1 else 0 end, now()
		from generate_series(1, ${CLASSES * STUDENTS}) as s, generate_series(1, ${LESSONS}) as l, generate_series(1, ${ATTEMPTS}) as n,
		     generate_series(1, ${QUIZ_LENGTH}) as p,
		     lateral (select case when ((s * 7 + p * 13 + l * 3 + n) % 10) < 3 + (s % 6) then 'c' else chr(97 + ((s + p) % 2) * 3) end as option) as o`);
	await exec(sql`update quiz_attempts as q set correct_count = a.correct, score = a.correct * 100.0 / ${QUIZ_LENGTH}
		from (select attempt_id, sum(fraction)::int as correct from attempt_answers where attempt_id like 'bench-a%' group by attempt_id) as a
		where a.attempt_id = q.id`);
	await exec(sql`analyze`);
	const { token } = await createSession(db, 'bench-t1', { userAgent: 'bench', ipAddress: '127.0.0.1' });
	return {
		cookie: `session=${token}`,
		classId: 'bench-c1',
		assignmentId: 'bench-c1-l1',
		attempts: CLASSES * STUDENTS * LESSONS * ATTEMPTS,
		answers: CLASSES * STUDENTS * LESSONS * ATTEMPTS * QUIZ_LENGTH
	};
}

async function timePage(pathName: string, cookie: string): Promise<PageTiming> {
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < ROUNDS + 5; i++) {
		const started = performance.now();
		const response = await fetch(`${ORIGIN}${pathName}`, { headers: { cookie }, redirect: 'manual' });
		const body = await response.arrayBuffer();
		const ms = performance.now() - started;
		if (response.status !== 200) throw new Error(`${pathName} answered ${response.status}`);
		bytes = body.byteLength;
		// the first five warm caches and the JIT
		if (i >= 5) times.push(ms);
	}
	const sorted = [...times].sort((a, b) => a - b);
	return { medianMs: median(times), p95Ms: sorted[Math.floor(sorted.length * 0.95) - 1], bytes };
}

function rssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function timeCsv(pathName: string, cookie: string, pid: number) {
	const before = rssMb(pid);
	let peak = before;
	const started = performance.now();
	const response = await fetch(`${ORIGIN}${pathName}`, { headers: { cookie } });
	const reader = response.body!.getReader();
	let firstByteMs = 0;
	let bytes = 0;
	let rows = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (!firstByteMs) firstByteMs = performance.now() - started;
		bytes += value.byteLength;
		for (const b of value) if (b === 10) rows++;
		peak = Math.max(peak, rssMb(pid));
	}
	return { firstByteMs, totalMs: performance.now() - started, bytes, rows: rows - 1, serverRssGrowthMb: peak - before };
}

export function formatTeachingBench(results: TeachingFigures[]): string {
	const fmt = (t: PageTiming) => `${t.medianMs.toFixed(1)} ms (p95 ${t.p95Ms.toFixed(1)} ms, ${(t.bytes / 1024).toFixed(0)} KB)`;
	return [
		'## Teaching: gradebook, item analysis, CSV (issue 11)',
		'',
		`A generated school: ${CLASSES} classes × ${STUDENTS} students × ${LESSONS} assignments × ${ATTEMPTS} attempts (${(CLASSES * STUDENTS * LESSONS * ATTEMPTS).toLocaleString('en-US')} submitted attempts, ${(CLASSES * STUDENTS * LESSONS * ATTEMPTS * QUIZ_LENGTH).toLocaleString('en-US')} answers). One class's pages requested by its teacher through the production build, one connection, median of ${ROUNDS} after 5 warm-up requests (time to the last byte on localhost: the server's time plus a loopback round trip). Target: under 100 ms.`,
		'',
		'| Database | Gradebook | Gradebook sorted by a column | Item analysis (all 90 attempts) | CSV of every answer of the class |',
		'| --- | --- | --- | --- | --- |',
		...results.map(
			(r) =>
				`| ${r.engine} | ${fmt(r.gradebook)} | ${fmt(r.gradebookSorted)} | ${fmt(r.itemAnalysis)} | ${r.csv.rows.toLocaleString('en-US')} rows, ${(r.csv.bytes / 1024 / 1024).toFixed(1)} MB: first byte ${r.csv.firstByteMs.toFixed(0)} ms, last ${r.csv.totalMs.toFixed(0)} ms, server RSS +${r.csv.serverRssGrowthMb.toFixed(0)} MB |`
		),
		'',
		`Seeding (in the database, generate_series): ${results.map((r) => `${r.engine} ${r.seedSeconds.toFixed(1)} s`).join(', ')}. Load average (1 min, 2 cores) before → after the page runs: ${results.map((r) => `${r.engine} ${r.load.before.toFixed(1)} → ${r.load.after.toFixed(1)}`).join(', ')}.`
	].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
	console.log(formatTeachingBench(await benchTeaching()));
}
