import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { openDatabase, selectRows } from '../../src/lib/server/db/client';
import { startServer, waitUntilHealthy } from '../helpers/server-process';

// These start their own servers (not the shared one) to test start-up and shutdown, on ports
// beside the shared server's so that two runs with different E2E_PORTs keep apart.
test.describe.configure({ mode: 'serial' });
const basePort = Number(process.env.E2E_PORT ?? 4173) + 218;

const tempDirs: string[] = [];
test.afterAll(() => {
	for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});
function freshDataDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-lifecycle-'));
	tempDirs.push(dir);
	return dir;
}

test('SIGTERM stops the server promptly and releases the data folder', async () => {
	const dataDir = freshDataDir();
	const server = startServer({ DATABASE_URL: dataDir }, basePort);
	await waitUntilHealthy(server);
	expect(fs.existsSync(path.join(dataDir, 'traceable.lock'))).toBe(true);
	server.child.kill('SIGTERM');
	// a hang here means the open database kept adapter-node's graceful shutdown waiting
	const code = await server.waitForExit(5_000);
	expect(code, server.output()).not.toBeNull();
	expect(fs.existsSync(path.join(dataDir, 'traceable.lock'))).toBe(false);
});

test('a restart keeps the data and applies no migration twice; tools refuse while the app holds the folder', async () => {
	const dataDir = freshDataDir();
	const first = startServer({ DATABASE_URL: dataDir }, basePort + 1);
	await waitUntilHealthy(first);
	expect(first.output()).toContain('Traceable: sources: 3 (3 new or changed)');
	expect(first.output()).toMatch(/Traceable: migrations: \d+ applied/);

	// PGlite has no lock between processes: a second writer must be refused, not silently lost
	const migrate = spawnSync('npx', ['tsx', 'src/cli/migrate.ts'], {
		env: { ...process.env, DATABASE_URL: dataDir },
		encoding: 'utf8'
	});
	expect(migrate.status).toBe(1);
	expect(migrate.stderr).toContain('is in use by another process');

	first.child.kill('SIGTERM');
	expect(await first.waitForExit(5_000)).not.toBeNull();

	const second = startServer({ DATABASE_URL: dataDir }, basePort + 1);
	await waitUntilHealthy(second);
	expect(second.output()).toContain('Traceable: sources: 3 (unchanged)');
	expect(second.output()).toContain('Traceable: migrations: up to date');
	// a restart on a built clone starts the build it has
	expect(second.output()).not.toContain('Traceable: build:');
	expect(second.output()).toContain('Traceable: content: lessons and questions are up to date');
	second.child.kill('SIGTERM');
	expect(await second.waitForExit(5_000)).not.toBeNull();

	const handle = await openDatabase({ kind: 'pglite', dataDir });
	const migrations = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
	const migrationFiles = fs.readdirSync('drizzle').filter((name) => name.endsWith('.sql')).length;
	await handle.close();
	expect(migrations).toEqual([{ n: migrationFiles }]);
});

for (const [label, url] of [
	['an unreachable host', 'postgres://traceable@127.0.0.1:1/traceable'],
	['a malformed URL', 'postgres://user:pa ss@/x%zz'],
	['an unsupported scheme', 'mysql://localhost/traceable']
] as const) {
	test(`a bad DATABASE_URL (${label}) stops start-up with one clear line`, async () => {
		const server = startServer({ DATABASE_URL: url }, basePort + 2);
		const code = await server.waitForExit(20_000);
		expect(code, server.output()).toBe(1);
		const lines = server.output().trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^Traceable cannot start: DATABASE_URL/);
		expect(server.output()).not.toMatch(/\n\s+at /);
	});
}
