import path from 'node:path';
/**
 * Benchmark section for content: generating every lesson and question from the sources (median of
 * 3), and the anonymous lesson page's requests/s as a share of the bare /about page (no database),
 * both measured in the same run at 50 connections, on PGlite and on PostgreSQL.
 */
import { readCourseFile, readSourceFiles } from '../../lib/server/db/sources-sync';
import { toSourceInputs } from '../../lib/server/content/store';
import { generate } from '../../lib/content/generate';
import { freshBenchDatabase, loadTest, median, postgresReachable, startBuiltServer, type Engine } from './server';

const RUNS = 3;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LESSON_PATH = '/lessons/origins';
const BARE_PATH = '/about';

interface PageRun {
	bare: number;
	lesson: number;
}

export interface ContentBenchResult {
	sources: number;
	lessons: number;
	questions: number;
	generationMs: number[];
	/** the seeds with the seven development texts of tests/fixtures/corpus: ten texts */
	corpusGenerationMs: number[];
	pages: { engine: Engine; runs: PageRun[]; errors: number }[];
	skipped: string[];
}

export async function benchContent(log: (line: string) => void): Promise<ContentBenchResult> {
	const inputs = toSourceInputs(readSourceFiles());
	const course = readCourseFile();
	const generationMs: number[] = [];
	let counts = { lessons: 0, questions: 0 };
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		const content = generate(inputs, course);
		generationMs.push(performance.now() - started);
		counts = { lessons: content.lessons.length, questions: content.questions.length };
	}
	log(`content bench: generation ${generationMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
	const withCorpus = [...inputs, ...toSourceInputs(readSourceFiles(path.resolve('tests/fixtures/corpus')))];
	const corpusGenerationMs: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		generate(withCorpus, course);
		corpusGenerationMs.push(performance.now() - started);
	}
	log(`content bench: generation with the corpus (${withCorpus.length} texts) ${corpusGenerationMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);

	const result: ContentBenchResult = { sources: inputs.length, ...counts, generationMs, corpusGenerationMs, pages: [], skipped: [] };
	const engines: Engine[] = ['pglite'];
	const unreachable = await postgresReachable();
	if (unreachable) result.skipped.push(`PostgreSQL not measured: ${unreachable} (set BENCH_DATABASE_URL)`);
	else engines.push('postgres');

	for (const engine of engines) {
		const database = await freshBenchDatabase(engine);
		const server = await startBuiltServer({ databaseUrl: database.databaseUrl, port: Number(process.env.BENCH_PORT ?? 4391) });
		try {
			// warm-up: JIT, caches, connection pool
			await loadTest(`${server.origin}${LESSON_PATH}`, { connections: CONNECTIONS, seconds: 2 });
			await loadTest(`${server.origin}${BARE_PATH}`, { connections: CONNECTIONS, seconds: 2 });
			const runs: PageRun[] = [];
			let errors = 0;
			for (let i = 0; i < RUNS; i++) {
				// alternate the two pages so drift on a shared machine hits both alike
				const bare = await loadTest(`${server.origin}${BARE_PATH}`, { connections: CONNECTIONS, seconds: SECONDS });
				const lesson = await loadTest(`${server.origin}${LESSON_PATH}`, { connections: CONNECTIONS, seconds: SECONDS });
				errors += bare.errors + bare.non2xx + lesson.errors + lesson.non2xx;
				runs.push({ bare: bare.requestsPerSecond, lesson: lesson.requestsPerSecond });
				log(`content bench [${engine}] run ${i + 1}: ${BARE_PATH} ${bare.requestsPerSecond.toFixed(0)} req/s, ${LESSON_PATH} ${lesson.requestsPerSecond.toFixed(0)} req/s`);
			}
			result.pages.push({ engine, runs, errors });
		} finally {
			await server.stop();
			await database.drop();
		}
	}
	return result;
}

export function formatContentBench(r: ContentBenchResult): string {
	const gen = median(r.generationMs);
	const lines = [
		'## Content generation and lesson pages',
		'',
		`Generating everything from ${r.sources} sources (${r.lessons} lessons, ${r.questions} questions; clean, segment, analyse, lessons, questions, in one process, the first run including the NLP model load): ${r.generationMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; **median ${(gen / 1000).toFixed(2)} s** (target < 5 s).`,
		`Generating the seeds with the seven development texts (ten texts): ${r.corpusGenerationMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; **median ${(median(r.corpusGenerationMs) / 1000).toFixed(2)} s** (target < 5 s).`,
		'',
		`Anonymous lesson page \`${LESSON_PATH}\` against the bare \`${BARE_PATH}\` page (no database), autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, runs alternating, medians of ${RUNS}:`,
		'',
		'| Database | /about req/s (median) | Lesson page req/s (median) | Ratio (target ≥ 50%) | Errors or non-2xx |',
		'| --- | --- | --- | --- | --- |',
		...r.pages.map((p) => {
			const bare = median(p.runs.map((run) => run.bare));
			const lesson = median(p.runs.map((run) => run.lesson));
			return `| ${p.engine} | ${bare.toFixed(0)} | ${lesson.toFixed(0)} | ${Math.round((lesson / bare) * 100)}% | ${p.errors} |`;
		}),
		...r.skipped.map((line) => `\n${line}`)
	];
	return lines.join('\n');
}
