import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { embeddedClient, openDatabase } from '../../src/lib/server/db/client';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A gzipped PGlite data folder, freshly migrated this run: test databases start from it. */
		pgliteTemplate: string;
	}
}

/**
 * Says once per run whether the PostgreSQL half of the integration suite runs, and makes one
 * migrated PGlite data folder that every test database copies: initdb in WebAssembly takes
 * seconds (over a minute on a busy 2-core machine), a copy a fraction of that.
 */
export default async function setup(project: TestProject) {
	const handle = await openDatabase({ kind: 'pglite-memory' });
	const dump = await embeddedClient(handle.db)!.dumpDataDir('gzip');
	await handle.close();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-template-'));
	const file = path.join(dir, 'pglite-template.tar.gz');
	fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteTemplate', file);

	if (process.env.TEST_DATABASE_URL) {
		console.log(`PostgreSQL suite: running against TEST_DATABASE_URL (${redact(process.env.TEST_DATABASE_URL)})`);
	} else {
		console.log(
			'PostgreSQL suite: NOT run (TEST_DATABASE_URL is not set; e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)'
		);
	}
	return () => fs.rmSync(dir, { recursive: true, force: true });
}

function redact(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'unparseable URL';
	}
}
