import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';

export interface TestDatabase {
	kind: 'pglite' | 'postgres';
	/** A connection string another process could open (postgres only). */
	url?: string;
	handle: DatabaseHandle;
	drop(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
	if (kind === 'pglite') {
		const handle = await openDatabase({ kind: 'pglite-memory' });
		return { kind, handle, drop: () => handle.close() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
	const name = `traceable_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ kind: 'postgres', url: url.toString() }, { maxConnections: 20 });
	return {
		kind,
		url: url.toString(),
		handle,
		async drop() {
			await handle.close();
			const cleanup = new pg.Client({ connectionString: adminUrl });
			await cleanup.connect();
			await cleanup.query(`drop database if exists ${name} with (force)`);
			await cleanup.end();
		}
	};
}

/** The engines this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const databaseKinds: Array<'pglite' | 'postgres'> = process.env.TEST_DATABASE_URL
	? ['pglite', 'postgres']
	: ['pglite'];

/**
 * Runs the same suite on every engine, each in its own fresh database.
 * `getDb()` is valid inside tests and hooks of the suite.
 */
export function describeEachDatabase(name: string, suite: (getDb: () => TestDatabase) => void): void {
	for (const kind of databaseKinds) {
		describe(`${name} [${kind}]`, () => {
			let database: TestDatabase | undefined;
			beforeAll(async () => {
				database = await createTestDatabase(kind);
			});
			afterAll(async () => {
				await database?.drop();
			});
			suite(() => {
				if (!database) throw new Error('test database not ready');
				return database;
			});
		});
	}
}
