/** Shared benchmark helpers: a fresh database, the production build as a child process, autocannon. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createScratchDatabase } from '../../lib/server/db/scratch-database';

export type Engine = 'pglite' | 'postgres';

export interface BenchDatabase {
	engine: Engine;
	/** what DATABASE_URL is set to for the server */
	databaseUrl: string;
	drop(): Promise<void>;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh PGlite folder, or a new database on the PostgreSQL server at `adminUrl`. */
export async function freshBenchDatabase(engine: Engine, adminUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL): Promise<BenchDatabase> {
	if (engine === 'pglite') {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-bench-'));
		return { engine, databaseUrl: dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
	}
	const scratch = await createScratchDatabase(adminUrl, 'traceable_bench');
	return { engine, databaseUrl: scratch.url, drop: scratch.drop };
}

/** Can we reach the PostgreSQL server? The bench then covers it; otherwise it says why not. */
export async function postgresReachable(adminUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL): Promise<string | null> {
	const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.end();
		return null;
	} catch (error) {
		return (error as Error).message || 'connection failed';
	}
}

export interface RunningServer {
	origin: string;
	/** the server process, for reading its memory */
	pid: number;
	stop(): Promise<void>;
}

export function buildDirectory(): string {
	const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build');
	if (!fs.existsSync(path.join(buildDir, 'index.js'))) {
		throw new Error(`No production build in ${buildDir}: run \`npm run build\` (or BUILD_DIR=… npx vite build) first.`);
	}
	return buildDir;
}

/** Starts `node <build>` with PORT and DATABASE_URL and resolves once /health answers 200. */
export async function startBuiltServer(options: {
	databaseUrl: string;
	port: number;
	buildDir?: string;
	env?: Record<string, string>;
	/** e.g. --cpu-prof for profiling rounds */
	nodeArgs?: string[];
}): Promise<RunningServer> {
	const buildDir = options.buildDir ?? buildDirectory();
	const origin = `http://127.0.0.1:${options.port}`;
	const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), buildDir], {
		env: {
			...process.env,
			PORT: String(options.port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: options.databaseUrl,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`);
		try {
			const response = await fetch(`${origin}/health`);
			if (response.ok) return { origin, pid: child.pid!, stop };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await stop();
	throw new Error(`the server did not answer /health within 2 minutes:\n${output}`);
}

export interface LoadResult {
	requestsPerSecond: number;
	p99Ms: number;
	non2xx: number;
	errors: number;
}

/** autocannon against one URL: average requests/s over the run. */
export async function loadTest(url: string, options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {}): Promise<LoadResult> {
	const result = await autocannon({ url, connections: options.connections ?? 50, duration: options.seconds ?? 5, headers: options.headers });
	return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
