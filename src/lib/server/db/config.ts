import path from 'node:path';

/** Where the database lives, decided from DATABASE_URL alone. */
export type DatabaseTarget =
	| { kind: 'pglite'; dataDir: string }
	| { kind: 'pglite-memory' }
	| { kind: 'postgres'; url: string };

export const DEFAULT_DATA_DIR = './data/traceable';

/** A configuration mistake that start-up reports as one line, naming the variable. */
export class DatabaseConfigError extends Error {
	override name = 'DatabaseConfigError';
}

export function resolveDatabaseTarget(value: string | undefined): DatabaseTarget {
	const raw = (value ?? '').trim();
	if (raw === '') return { kind: 'pglite', dataDir: path.resolve(DEFAULT_DATA_DIR) };
	if (raw === 'memory://') return { kind: 'pglite-memory' };
	if (/^postgres(ql)?:/i.test(raw)) {
		let parsed: URL;
		try {
			parsed = new URL(raw);
		} catch {
			throw new DatabaseConfigError(
				'DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database'
			);
		}
		if (!parsed.hostname && !parsed.searchParams.get('host')) {
			throw new DatabaseConfigError(
				'DATABASE_URL has no host: expected postgres://user:password@host:5432/database'
			);
		}
		return { kind: 'postgres', url: raw };
	}
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
		throw new DatabaseConfigError(
			`DATABASE_URL uses an unsupported scheme "${raw.split(':')[0]}": use a postgres:// URL or a folder path for the embedded database`
		);
	}
	const dir = raw.startsWith('file:') ? raw.slice('file:'.length) : raw;
	return { kind: 'pglite', dataDir: path.resolve(dir) };
}

/** Redacts the password so a URL can be logged. */
export function describeTarget(target: DatabaseTarget): string {
	if (target.kind === 'pglite') return `embedded PGlite at ${target.dataDir}`;
	if (target.kind === 'pglite-memory') return 'embedded PGlite in memory';
	const url = new URL(target.url);
	if (url.password) url.password = '***';
	return `PostgreSQL at ${url.host}${url.pathname}`;
}
