import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, selectRows } from '../../src/lib/server/db/client';
import { readSourceFiles, syncSources } from '../../src/lib/server/db/sources-sync';
import { lessons, quizAttempts, sources, users } from '../../src/lib/server/db/schema';
import { describeEachDatabase, pgliteTemplate } from '../helpers/databases';

const MIGRATION_COUNT = fs.readdirSync('drizzle').filter((name) => name.endsWith('.sql')).length;

describeEachDatabase('database', (getDb) => {
	it('applies every migration once and records it', async () => {
		const { db } = getDb().handle;
		const applied = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
		expect(applied).toEqual([{ n: MIGRATION_COUNT }]);
	});

	it('loads the three course sources, then reloads only a changed one', async () => {
		const { db } = getDb().handle;
		const files = readSourceFiles();
		expect(files.map((f) => f.id)).toEqual([
			'encyclopedia-project-gunrunner',
			'nbc-gunrunner-misfires',
			'tpm-atf-flubbing'
		]);
		const first = await syncSources(db, files);
		expect(first.inserted).toHaveLength(3);
		const again = await syncSources(db, files);
		expect(again).toEqual({ inserted: [], updated: [], unchanged: files.map((f) => f.id) });

		const changed = files.map((f, i) => (i === 1 ? { ...f, rawText: f.rawText + '\nAppended.', contentHash: 'changed' } : f));
		const third = await syncSources(db, changed);
		expect(third.updated).toEqual(['nbc-gunrunner-misfires']);
		const [row] = await db.select().from(sources).where(eq(sources.id, 'nbc-gunrunner-misfires'));
		expect(row.rawText.endsWith('\nAppended.')).toBe(true);
		expect(row.publisher).toBe('NBC News');
	});

	it('keeps emails unique and allows one open attempt per learner and lesson', async () => {
		const { db } = getDb().handle;
		await db.insert(users).values({ id: 'u1', email: 'a@example.org', displayName: 'A', role: 'student', passwordHash: 'x' });
		await expect(
			db.insert(users).values({ id: 'u2', email: 'a@example.org', displayName: 'B', role: 'student', passwordHash: 'x' })
		).rejects.toThrow();
		await expect(
			db.insert(users).values({ id: 'u3', email: 'c@example.org', displayName: 'C', role: 'superuser' as never, passwordHash: 'x' })
		).rejects.toThrow();

		await db.insert(lessons).values({ id: 'l1', position: 1, title: 'L', objectives: [], body: {}, generatorVersion: 't', contentHash: 'h' });
		const attempt = { userId: 'u1', lessonId: 'l1', seed: 1, questionCount: 10 };
		await db.insert(quizAttempts).values({ ...attempt, id: 'a1', attemptNumber: 1 });
		await expect(db.insert(quizAttempts).values({ ...attempt, id: 'a2', attemptNumber: 2 })).rejects.toThrow();
		await db.update(quizAttempts).set({ state: 'submitted' }).where(eq(quizAttempts.id, 'a1'));
		await db.insert(quizAttempts).values({ ...attempt, id: 'a2', attemptNumber: 2 });
		const rows = await db.select().from(quizAttempts).where(eq(quizAttempts.userId, 'u1'));
		expect(rows.map((r) => r.state).sort()).toEqual(['in_progress', 'submitted']);
	});
});

describe('file-backed PGlite', () => {
	it('keeps data across a close and reopen, and applies no migration twice', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-db-'));
		try {
			// from the run's migrated template rather than initdb (seconds of WebAssembly); a fresh
			// folder's own initdb and migrations are what the server start-up tests go through
			const first = await openDatabase({ kind: 'pglite', dataDir }, { template: pgliteTemplate() });
			await syncSources(first.db);
			await first.close();

			const second = await openDatabase({ kind: 'pglite', dataDir });
			const count = await selectRows<{ n: number }>(second.db, sql`select count(*)::int as n from sources`);
			const migrations = await selectRows<{ n: number }>(
				second.db,
				sql`select count(*)::int as n from drizzle.__drizzle_migrations`
			);
			await second.close();
			expect(count).toEqual([{ n: 3 }]);
			expect(migrations).toEqual([{ n: MIGRATION_COUNT }]);
		} finally {
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
