import path from 'node:path';
import { PGlite, types, type ParserOptions } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { DatabaseConfigError, describeTarget, type DatabaseTarget } from './config';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

/** The one database type the rest of the code sees, whichever engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	description: string;
	/** How many migrations this opening applied (0 when the schema was already current). */
	migrationsApplied: number;
	close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

// any fixed key: every app server serialises its start-up migrations on it
const MIGRATION_LOCK_KEY = 7_514_220_409;

export interface OpenOptions {
	/** Pool size for PostgreSQL. */
	maxConnections?: number;
	/**
	 * PGlite only, for a new database: a data folder (from PGlite's `dumpDataDir`) to start from
	 * instead of running initdb, which costs seconds of WebAssembly per database (tests use it).
	 */
	template?: Blob;
}

/**
 * The PGlite client behind each embedded database. PGlite runs inside this process, which alone
 * writes its data folder (the folder's lock turns other processes away), so what this process
 * knows of its own writes is the whole truth; a PostgreSQL server is shared and never listed here.
 */
const embeddedClients = new WeakMap<Database, PGlite>();

/** The in-process PGlite client of `db`, or null for PostgreSQL. */
export function embeddedClient(db: Database): PGlite | null {
	return embeddedClients.get(db) ?? null;
}

/** Opens the database (taking the data folder's lock for PGlite) and applies pending migrations. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
	if (target.kind === 'postgres') return openPostgres(target.url, options);
	let lock: DataDirLock | undefined;
	if (target.kind === 'pglite') lock = acquireDataDirLock(target.dataDir);
	try {
		const client =
			target.kind === 'pglite'
				? await PGlite.create(target.dataDir, { loadDataDir: options.template })
				: await PGlite.create({ loadDataDir: options.template });
		skipRepeatedParsers(client);
		const db = drizzlePglite({ client, schema }) as unknown as Database;
		embeddedClients.set(db, client);
		const before = await countAppliedMigrations(client);
		await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
		const migrationsApplied = (await countAppliedMigrations(client)) - before;
		return {
			db,
			kind: 'pglite',
			description: describeTarget(target),
			migrationsApplied,
			async close() {
				try {
					if (!client.closed) await client.close();
				} finally {
					lock?.release();
				}
			}
		};
	} catch (error) {
		lock?.release();
		throw error;
	}
}

/**
 * drizzle's PGlite driver asks, on every query, for these types as PostgreSQL's text (it converts
 * them itself). PGlite merges per-query parsers into a copy of its whole parser table on each call,
 * which cost more than parsing the rows of our short queries. Set once on the client instead, the
 * per-query request changes nothing and is dropped.
 */
const DRIZZLE_TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const DRIZZLE_PARSERS: ParserOptions = Object.fromEntries(DRIZZLE_TEXT_TYPES.map((type) => [type, (value: string) => value]));
const asClientParses = new Set(DRIZZLE_TEXT_TYPES.map(String));

function skipRepeatedParsers(client: PGlite): void {
	// after start-up, which fills in the parsers of array types (these among them)
	Object.assign(client.parsers, DRIZZLE_PARSERS);
	const query = client.query.bind(client);
	client.query = (text, params, options) => {
		const parsers = options?.parsers;
		if (parsers && Object.keys(parsers).every((type) => asClientParses.has(type))) options = { ...options, parsers: undefined };
		return query(text, params, options);
	};
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
	const pool = new pg.Pool({
		connectionString: url,
		max: options.maxConnections ?? Number(process.env.DATABASE_POOL_SIZE ?? 20),
		connectionTimeoutMillis: 5_000
	});
	// an idle client losing its server must not crash the process; the next query reports it
	pool.on('error', (error) => console.error(`PostgreSQL pool: ${error.message}`));
	let client: pg.PoolClient;
	try {
		client = await pool.connect();
	} catch (error) {
		await pool.end().catch(() => {});
		throw new DatabaseConfigError(
			`DATABASE_URL: cannot connect to ${describeTarget({ kind: 'postgres', url })}: ${(error as Error).message || (error as { code?: string }).code || 'connection failed'}`
		);
	}
	let migrationsApplied = 0;
	try {
		await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
		try {
			const before = await countAppliedMigrations(client);
			await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
			migrationsApplied = (await countAppliedMigrations(client)) - before;
		} finally {
			await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
		}
	} finally {
		client.release();
	}
	const db = drizzlePg({ client: pool, schema }) as unknown as Database;
	return {
		db,
		kind: 'postgres',
		description: describeTarget({ kind: 'postgres', url }),
		migrationsApplied,
		close: () => pool.end()
	};
}

/** Rows in drizzle's migration journal table; 0 before the first migration created it. */
async function countAppliedMigrations(client: { query(text: string): Promise<{ rows: unknown[] }> }): Promise<number> {
	// a query naming a missing table fails when parsed, so ask whether it exists first
	const exists = await client.query(`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`);
	if (!(exists.rows[0] as { exists: boolean }).exists) return 0;
	const counted = await client.query('select count(*)::int as "count" from drizzle.__drizzle_migrations');
	return (counted.rows[0] as { count: number }).count;
}

/** Raw SQL rows, typed: PGlite and node-postgres both answer `{ rows }`. */
export async function selectRows<T>(db: Database, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}
