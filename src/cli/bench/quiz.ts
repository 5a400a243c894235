/**
 * Benchmark section for quizzes: submissions at 50 connections (a whole 10-question attempt graded
 * and stored in one transaction, through the real HTTP form action), signed-in page throughput
 * against the bare /about page, and the JavaScript the quiz page ships. Runs the production build
 * (BUILD_DIR, default `build`) on a fresh PGlite folder and, when BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) names a PostgreSQL server, on a fresh database there too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { gzipSync } from 'node:zlib';
import { asc, eq } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseHandle } from '../../lib/server/db/client';
import type { DatabaseTarget } from '../../lib/server/db/config';
import { attemptAnswers, lessons, questions, questionVersions, quizAttempts, users } from '../../lib/server/db/schema';
import { createSession } from '../../lib/server/auth/session';
import type { QuestionAnswer, QuestionPrompt, QuestionResponse } from '../../lib/content/question-types';
import { drawQuestions } from '../../lib/quiz/draw';
import { presentPrompt } from '../../lib/quiz/present';
import { mapResponseIds, opaqueQuestion } from '../../lib/quiz/opaque';
import { answerKeySecret } from '../../lib/server/installation-secret';
import { responseFieldValues } from '../../lib/quiz/responses';
import { submitAttempt } from '../../lib/server/quiz/submit';
import { freshBenchDatabase, postgresReachable, startBuiltServer } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 4393);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BENCH_LESSON = 'bench-quiz-lesson';
const CONNECTIONS = 50;
const DEFAULT_POOL_SIZE = 20;

export interface SubmissionFigures {
	engine: 'pglite' | 'postgres';
	submissions: number;
	perSecond: number;
	p50Ms: number;
	p99Ms: number;
	errors: number;
	/** submitted attempts counted in the database afterwards */
	storedSubmitted: number;
}

export interface PageFigures {
	engine: 'pglite' | 'postgres';
	aboutPerSecond: number;
	lessonPath: string;
	lessonPerSecond: number;
	progressPerSecond: number;
}

export interface QuizBenchResult {
	/** 1-minute load average before and after each submission run: other work on the machine skews the figures */
	loadAverages: { engine: string; before: number; after: number }[];
	submissions: SubmissionFigures[];
	pages: PageFigures[];
	quizPageJsGzipBytes: number;
	quizPageJsFiles: number;
	/** loaded only when needed: on the first answer, or for an ordering question */
	quizPageLazyJsGzipBytes: number;
	/** the lesson page opened directly should carry no script at all */
	lessonPageOpenedHasScript: boolean;
	/** the lesson page reached by a link from a hydrated page */
	lessonPageNavigatedJsGzipBytes: number;
}

export async function benchQuiz(log: (line: string) => void = console.log): Promise<QuizBenchResult> {
	const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');
	if (!fs.existsSync(path.join(buildDir, 'index.js'))) {
		throw new Error(`No production build in ${buildDir}: run \`npm run build\` (or BUILD_DIR=${path.basename(buildDir)} npx vite build) first.`);
	}
	const engines: ('pglite' | 'postgres')[] = ['pglite'];
	const unreachable = await postgresReachable();
	if (unreachable) log(`quiz bench: PostgreSQL not measured: ${unreachable} (set BENCH_DATABASE_URL=postgres://…)`);
	else engines.push('postgres');
	// BENCH_QUIZ_ENGINES=postgres (or pglite) runs one engine only, for quicker profiling rounds
	const only = process.env.BENCH_QUIZ_ENGINES?.split(',');
	if (only) engines.splice(0, engines.length, ...engines.filter((e) => only.includes(e)));

	const result: QuizBenchResult = { loadAverages: [], submissions: [], pages: [],
		quizPageJsGzipBytes: 0,
		quizPageJsFiles: 0,
		quizPageLazyJsGzipBytes: 0,
		lessonPageOpenedHasScript: false,
		lessonPageNavigatedJsGzipBytes: 0
	};
	for (const engine of engines) {
		const target = await freshDatabase(engine);
		try {
			// first start: migrations and start-up content generation, exactly as in production
			await withServer(buildDir, target, async () => {});
			const seeded = await withDatabase(target, (db) => seedBench(db, Number(process.env.BENCH_QUIZ_LEARNERS ?? (engine === 'pglite' ? 3000 : 6000))));
			log(`quiz bench [${engine}]: ${seeded.attempts.length} open attempts ready`);
			await withServer(buildDir, target, async () => {
				const before = os.loadavg()[0];
				const submission = await benchSubmissions(seeded);
				result.loadAverages.push({ engine, before, after: os.loadavg()[0] });
				const pages = await benchPages(seeded);
				result.pages.push({ engine, ...pages });
				if (engine === 'pglite') Object.assign(result, await quizPageJavaScript(buildDir, seeded));
				result.submissions.push({ engine, ...submission, storedSubmitted: 0 });
			});
			const stored = await withDatabase(target, async (db) => (await db.select({ id: quizAttempts.id }).from(quizAttempts).where(eq(quizAttempts.state, 'submitted'))).length);
			result.submissions[result.submissions.length - 1].storedSubmitted = stored;
			const s = result.submissions[result.submissions.length - 1];
			log(`quiz bench [${engine}]: ${s.perSecond.toFixed(0)} submissions/s, p99 ${s.p99Ms} ms, ${s.errors} errors, ${stored} stored`);
		} finally {
			await target.drop();
		}
	}
	return result;
}

/** Markdown for BENCHMARKS.md. */
export function formatQuizBench(r: QuizBenchResult): string {
	const lines = [
		'## Quizzes',
		'',
		`Quiz submission: a whole 10-question attempt posted to the \`?/submit\` form action, graded and stored in one transaction, ${CONNECTIONS} connections, each request a different learner's open attempt.`,
		'',
		'| Database | Submissions | Submissions/s | p50 | p99 | Errors | Stored |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...r.submissions.map(
			(s) => `| ${s.engine} | ${s.submissions} | ${s.perSecond.toFixed(0)} | ${s.p50Ms} ms | ${s.p99Ms} ms | ${s.errors} | ${s.storedSubmitted} |`
		),
		'',
		`Load average (1 min) before → after the submission run: ${r.loadAverages.map((l) => `${l.engine} ${l.before.toFixed(2)} → ${l.after.toFixed(2)}`).join(', ')}; PostgreSQL pool size ${process.env.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE}.`,
		'',
		'Signed-in pages, 10 connections, requests/s and share of the bare `/about` page:',
		'',
		'| Database | /about | Lesson page | Progress page |',
		'| --- | --- | --- | --- |',
		...r.pages.map(
			(p) =>
				`| ${p.engine} | ${p.aboutPerSecond.toFixed(0)} | ${p.lessonPerSecond.toFixed(0)} (${share(p.lessonPerSecond, p.aboutPerSecond)}, \`${p.lessonPath}\`) | ${p.progressPerSecond.toFixed(0)} (${share(p.progressPerSecond, p.aboutPerSecond)}) |`
		),
		'',
		`JavaScript shipped for the quiz page: ${kb(r.quizPageJsGzipBytes)} gzip in ${r.quizPageJsFiles} files (every script the page loads, as the server sends it precompressed), and ${kb(r.quizPageLazyJsGzipBytes)} more only when needed (the answer saver on the first answer, the up/down list of an ordering question). The lesson page: ${r.lessonPageOpenedHasScript ? 'a script when opened (it should have none)' : 'none when opened'}, ${kb(r.lessonPageNavigatedJsGzipBytes)} when reached by a link from a hydrated page (mostly the runtime that page already loaded).`
	];
	return lines.join('\n');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const share = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

interface Target {
	engine: 'pglite' | 'postgres';
	databaseUrl: string;
	open(): Promise<DatabaseHandle>;
	drop(): Promise<void>;
}

/** The shared fresh bench database, with a way to open it from this process for seeding. */
async function freshDatabase(engine: 'pglite' | 'postgres'): Promise<Target> {
	const fresh = await freshBenchDatabase(engine);
	const target: DatabaseTarget =
		engine === 'pglite' ? { kind: 'pglite', dataDir: fresh.databaseUrl } : { kind: 'postgres', url: fresh.databaseUrl };
	return { ...fresh, open: () => openDatabase(target) };
}

async function withDatabase<T>(target: Target, work: (db: Database) => Promise<T>): Promise<T> {
	const handle = await target.open();
	try {
		return await work(handle.db);
	} finally {
		await handle.close();
	}
}

async function withServer(buildDir: string, target: Target, work: () => Promise<void>): Promise<void> {
	// BENCH_CPU_PROF_DIR=<dir> writes a V8 CPU profile of each server run there (open it in Chrome DevTools)
	const profileDir = process.env.BENCH_CPU_PROF_DIR;
	const server = await startBuiltServer({
		buildDir,
		port: PORT,
		databaseUrl: target.databaseUrl,
		env: { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? String(DEFAULT_POOL_SIZE) },
		nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []
	});
	try {
		await work();
		// let requests autocannon abandoned at its deadline finish before shutting down
		await new Promise((resolve) => setTimeout(resolve, 2_000));
	} finally {
		await server.stop();
	}
}

export interface Seeded {
	lessonPath: string;
	attempts: { id: string; userId: string; cookie: string; body: string; path: string }[];
	/** a learner with a submitted attempt and an open one: for page benches and the quiz page's scripts */
	browsingCookie: string;
}

function correctResponse(answer: QuestionAnswer): QuestionResponse {
	switch (answer.type) {
		case 'multiple_choice':
		case 'attribution':
			return { type: answer.type, optionId: answer.correctOptionId };
		case 'true_false':
			return { type: 'true_false', value: answer.correct };
		case 'fill_blank':
			return { type: 'fill_blank', text: answer.accepted[0] ?? '' };
		case 'numeric':
			return { type: 'numeric', value: answer.value };
		case 'ordering':
			return { type: 'ordering', order: answer.order };
	}
}

/**
 * A synthetic lesson of 14 questions (all six types), learners with sessions and open attempts.
 * Also seeds the load and fault tests (tests/e2e/load-and-faults.test.ts).
 */
export async function seedBench(db: Database, learners: number): Promise<Seeded> {
	const [realLesson] = await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.active, true)).orderBy(asc(lessons.position)).limit(1);
	await db.insert(lessons).values({
		id: BENCH_LESSON,
		position: 9999,
		title: 'Benchmark lesson',
		objectives: [1, 2, 3].map((n) => ({ id: `bench-o${n}`, text: `Objective ${n}` })),
		body: {},
		generatorVersion: 'bench',
		contentHash: 'bench'
	});
	const bank = Array.from({ length: 14 }, (_, n) => benchQuestion(n));
	await db.insert(questions).values(bank.map((q) => ({ id: q.id, lessonId: BENCH_LESSON, objectiveId: q.objectiveId, type: q.prompt.type, currentVersion: 1 })));
	await db.insert(questionVersions).values(
		bank.map((q) => ({ questionId: q.id, version: 1, prompt: q.prompt, answer: q.answer, explanation: 'Because the source says so.', citations: [], contentHash: q.id }))
	);
	const byId = new Map(bank.map((q) => [q.id, q]));
	const userIds = Array.from({ length: learners + 1 }, (_, i) => `bench-learner-${i}`);
	for (let i = 0; i < userIds.length; i += 500) {
		await db.insert(users).values(
			userIds.slice(i, i + 500).map((id) => ({ id, email: `${id}@bench.invalid`, displayName: id, role: 'student' as const, passwordHash: 'bench-no-sign-in' }))
		);
	}
	const attempts: Seeded['attempts'] = [];
	const key = await answerKeySecret(db);
	const attemptRows: (typeof quizAttempts.$inferInsert)[] = [];
	const answerRows: (typeof attemptAnswers.$inferInsert)[] = [];
	for (const [i, userId] of userIds.entries()) {
		const seed = (i * 2654435761) >>> 1;
		const drawn = drawQuestions(bank.map((q) => ({ id: q.id, type: q.prompt.type, objectiveId: q.objectiveId })), seed);
		const id = `bench-attempt-${i}`;
		attemptRows.push({ id, userId, lessonId: BENCH_LESSON, attemptNumber: 1, seed, questionCount: drawn.length });
		const values: Record<string, string> = { attemptId: id };
		drawn.forEach((d, index) => {
			const q = byId.get(d.id)!;
			const position = index + 1;
			answerRows.push({ attemptId: id, position, questionId: q.id, questionVersion: 1 });
			// about two in three right, so grading takes both paths
			const response = (i + position) % 3 === 0 ? q.wrong : correctResponse(q.answer);
			// the form carries the page's ids, as a browser would send them
			const shown = opaqueQuestion(presentPrompt(q.prompt, seed, position, key, q.answer), q.id, key, id, position);
			Object.assign(values, responseFieldValues(shown.prompt, position, mapResponseIds(response, shown.toPublicId)));
		});
		const { token } = await createSession(db, userId, { userAgent: 'bench', ipAddress: '127.0.0.1' });
		attempts.push({ id, userId, cookie: `session=${token}`, body: new URLSearchParams(values).toString(), path: `/lessons/${BENCH_LESSON}/quiz?/submit` });
	}
	for (let i = 0; i < attemptRows.length; i += 500) await db.insert(quizAttempts).values(attemptRows.slice(i, i + 500));
	for (let i = 0; i < answerRows.length; i += 2000) await db.insert(attemptAnswers).values(answerRows.slice(i, i + 2000));

	// the last learner browses: one submitted attempt (so the progress page has data) and one open
	const browsing = attempts.pop()!;
	const browsingUser = userIds[userIds.length - 1];
	await submitAttempt(db, browsingUser, `bench-attempt-${userIds.length - 1}`);
	await db.insert(quizAttempts).values({ id: 'bench-open', userId: browsingUser, lessonId: BENCH_LESSON, attemptNumber: 2, seed: 7, questionCount: 1 });
	await db.insert(attemptAnswers).values({ attemptId: 'bench-open', position: 1, questionId: bank[0].id, questionVersion: 1 });
	return {
		lessonPath: `/lessons/${realLesson?.id ?? BENCH_LESSON}`,
		attempts,
		browsingCookie: browsing.cookie
	};
}

function benchQuestion(n: number): { id: string; objectiveId: string; prompt: QuestionPrompt; answer: QuestionAnswer; wrong: QuestionResponse } {
	const id = `bench-q${n}`;
	const objectiveId = `bench-o${(n % 3) + 1}`;
	const options = ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: `Option ${o}` }));
	switch (n % 6) {
		case 0:
			return { id, objectiveId, prompt: { type: 'multiple_choice', stem: `Q${n}`, options }, answer: { type: 'multiple_choice', correctOptionId: 'c' }, wrong: { type: 'multiple_choice', optionId: 'a' } };
		case 1:
			return { id, objectiveId, prompt: { type: 'true_false', stem: `Q${n}`, statement: 'S' }, answer: { type: 'true_false', correct: true }, wrong: { type: 'true_false', value: false } };
		case 2:
			return { id, objectiveId, prompt: { type: 'fill_blank', stem: `Q${n} _____` }, answer: { type: 'fill_blank', accepted: ['eTrace'] }, wrong: { type: 'fill_blank', text: 'NICS' } };
		case 3:
			return { id, objectiveId, prompt: { type: 'numeric', stem: `Q${n}` }, answer: { type: 'numeric', value: 2000, tolerance: 0 }, wrong: { type: 'numeric', value: 3 } };
		case 4:
			return {
				id, objectiveId,
				prompt: { type: 'ordering', stem: `Q${n}`, items: ['x', 'y', 'z'].map((i) => ({ id: i, text: i })) },
				answer: { type: 'ordering', order: ['x', 'y', 'z'] },
				wrong: { type: 'ordering', order: ['z', 'y', 'x'] }
			};
		default:
			return { id, objectiveId, prompt: { type: 'attribution', stem: `Q${n}`, claim: 'C', options }, answer: { type: 'attribution', correctOptionId: 'b' }, wrong: { type: 'attribution', optionId: 'd' } };
	}
}

async function benchSubmissions(seeded: Seeded): Promise<Omit<SubmissionFigures, 'engine' | 'storedSubmitted'>> {
	let next = 0;
	const result = await autocannon({
		url: ORIGIN,
		connections: CONNECTIONS,
		amount: seeded.attempts.length,
		timeout: 30,
		requests: [
			{
				setupRequest: (request: Record<string, unknown>) => {
					const attempt = seeded.attempts[next++ % seeded.attempts.length];
					return {
						...request,
						method: 'POST',
						path: attempt.path,
						body: attempt.body,
						headers: {
							cookie: attempt.cookie,
							origin: ORIGIN,
							// as a browser's form post: an HTML response (a 303 to the results page), not JSON
							accept: 'text/html',
							'content-type': 'application/x-www-form-urlencoded'
						}
					};
				}
			}
		]
	});
	// a successful submission answers 303 See Other to the results page
	const ok = result.statusCodeStats?.['303']?.count ?? 0;
	if (ok !== result.requests.total) {
		console.error(`quiz bench: status codes ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts`);
	}
	return {
		submissions: ok,
		perSecond: ok / result.duration,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.requests.total - ok
	};
}

async function pageRate(pathName: string, cookie?: string): Promise<number> {
	const check = await fetch(`${ORIGIN}${pathName}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	if (check.status !== 200) throw new Error(`${pathName} answered ${check.status}, not 200`);
	const result = await autocannon({
		url: `${ORIGIN}${pathName}`,
		connections: 10,
		duration: 5,
		headers: cookie ? { cookie } : {}
	});
	return result.requests.average;
}

async function benchPages(seeded: Seeded) {
	const aboutPerSecond = await pageRate('/about');
	let lessonPath = seeded.lessonPath;
	let lessonPerSecond: number;
	try {
		lessonPerSecond = await pageRate(lessonPath, seeded.browsingCookie);
	} catch {
		// without generated lessons, the signed-in quiz page stands in for the lesson page
		lessonPath = `/lessons/${BENCH_LESSON}/quiz`;
		lessonPerSecond = await pageRate(lessonPath, seeded.browsingCookie);
	}
	const progressPerSecond = await pageRate('/progress', seeded.browsingCookie);
	return { aboutPerSecond, lessonPath, lessonPerSecond, progressPerSecond };
}

/**
 * Every script the quiz page loads: the client entry, the app, and the layout and page nodes the
 * page starts with (from its `node_ids`), with all their static imports, at the size the server
 * sends them precompressed with gzip. Chunks the page imports only when needed (the saver on the
 * first answer, the up/down list of an ordering question) are counted apart. The lesson page is
 * not hydrated when opened (no script at all); reached by a link from a hydrated page it loads
 * its own node on top of the same runtime, measured here the same way.
 */
async function quizPageJavaScript(buildDir: string, seeded: Seeded) {
	// a generated lesson's quiz with an attempt open, as a learner sees it (the synthetic bench lesson
	// has no lesson page, so its quiz page is a 404)
	const quizPath = `${seeded.lessonPath}/quiz`;
	const started = await fetch(`${ORIGIN}${quizPath}?/start`, {
		method: 'POST',
		headers: { cookie: seeded.browsingCookie, origin: ORIGIN, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: '',
		redirect: 'manual'
	});
	if (started.status !== 303) throw new Error(`starting a quiz at ${quizPath} answered ${started.status}, not 303`);
	const html = await pageHtml(quizPath, seeded.browsingCookie);
	if (!html.includes('id="quiz-form"')) throw new Error('the quiz page shows no open attempt: its scripts would not be the ones a learner gets');
	const nodeIds = html.match(/node_ids:\s*\[([\d,\s]+)\]/)?.[1].split(',').map((n) => n.trim());
	if (!nodeIds) throw new Error('the quiz page names no node_ids: cannot tell which scripts it loads');
	const kitDir = process.env.BUILD_DIR ? path.resolve(`${process.env.BUILD_DIR}-kit`) : path.resolve('.svelte-kit');
	const scripts = clientScripts(buildDir, kitDir);
	const quiz = scripts.measure(nodeIds);
	const lessonHtml = await pageHtml(seeded.lessonPath);
	const lessonNode = scripts.nodeOf('src/routes/lessons/[id]/+page.svelte');
	const lesson = scripts.measure([nodeIds[0], lessonNode]);
	return {
		quizPageJsGzipBytes: quiz.bytes,
		quizPageJsFiles: quiz.files,
		quizPageLazyJsGzipBytes: quiz.lazyBytes,
		lessonPageOpenedHasScript: /<script\b/.test(lessonHtml),
		lessonPageNavigatedJsGzipBytes: lesson.bytes
	};
}

async function pageHtml(pathName: string, cookie?: string): Promise<string> {
	const response = await fetch(`${ORIGIN}${pathName}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	if (response.status !== 200) throw new Error(`${pathName} answered ${response.status}, not 200`);
	return response.text();
}

function clientScripts(buildDir: string, kitDir: string) {
	const manifest: Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }> = JSON.parse(
		fs.readFileSync(path.join(kitDir, 'output/client/.vite/manifest.json'), 'utf8')
	);
	const appRoot = (key: string) => key.endsWith('/runtime/client/entry.js') || key.endsWith('/client-optimized/app.js');
	const gzipSize = (file: string) => {
		const plain = path.join(buildDir, 'client', file);
		return fs.existsSync(`${plain}.gz`) ? fs.statSync(`${plain}.gz`).size : gzipSync(fs.readFileSync(plain)).length;
	};
	return {
		/** the route node whose generated module exports this component */
		nodeOf(component: string): string {
			const nodesDir = path.join(kitDir, 'generated/client-optimized/nodes');
			const found = fs.readdirSync(nodesDir).find((f) => fs.readFileSync(path.join(nodesDir, f), 'utf8').includes(component));
			if (!found) throw new Error(`no client node for ${component}`);
			return found.replace(/\.js$/, '');
		},
		measure(nodeIds: string[]) {
			const roots = Object.keys(manifest).filter((key) => appRoot(key) || nodeIds.some((id) => key.endsWith(`/client-optimized/nodes/${id}.js`)));
			const files = new Set<string>();
			const dynamic = new Set<string>();
			const visit = (key: string) => {
				const chunk = manifest[key];
				if (!chunk || files.has(chunk.file)) return;
				files.add(chunk.file);
				for (const imported of chunk.imports ?? []) visit(imported);
				// the app's own dynamic imports are the other routes' nodes and the error page
				if (!appRoot(key)) for (const imported of chunk.dynamicImports ?? []) dynamic.add(imported);
			};
			roots.forEach(visit);
			const lazy = new Set<string>();
			const visitLazy = (key: string) => {
				const chunk = manifest[key];
				if (!chunk || files.has(chunk.file) || lazy.has(chunk.file)) return;
				lazy.add(chunk.file);
				for (const imported of chunk.imports ?? []) visitLazy(imported);
			};
			dynamic.forEach(visitLazy);
			const sum = (set: Set<string>) => [...set].reduce((total, file) => total + gzipSize(file), 0);
			return { bytes: sum(files), files: files.size, lazyBytes: sum(lazy) };
		}
	};
}

// `tsx src/cli/bench/quiz.ts` runs this section alone
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
	const result = await benchQuiz();
	console.log(`\n${formatQuizBench(result)}`);
}
