import fs from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { createScratchDatabase } from '../../src/lib/server/db/scratch-database';

export interface TestDatabase {
	kind: 'pglite' | 'postgres';
	/** A connection string another process could open (postgres only). */
	url?: string;
	handle: DatabaseHandle;
	drop(): Promise<void>;
}

/** The run's migrated PGlite data folder (see global-setup.ts), to start a database from. */
export function pgliteTemplate(): Blob {
	return new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
	if (kind === 'pglite') {
		const handle = await openDatabase({ kind: 'pglite-memory' }, { template: pgliteTemplate() });
		return { kind, handle, drop: () => handle.close() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
	const scratch = await createScratchDatabase(adminUrl, 'traceable_test');
	const handle = await openDatabase({ kind: 'postgres', url: scratch.url }, { maxConnections: 20 });
	return {
		kind,
		url: scratch.url,
		handle,
		async drop() {
			await handle.close();
			await scratch.drop();
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
