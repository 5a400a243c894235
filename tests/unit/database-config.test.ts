import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	DatabaseConfigError,
	DEFAULT_DATA_DIR,
	describeTarget,
	resolveDatabaseTarget
} from '../../src/lib/server/db/config';

describe('resolveDatabaseTarget', () => {
	it('uses file-backed PGlite in ./data/traceable when DATABASE_URL is unset or blank', () => {
		expect(resolveDatabaseTarget(undefined)).toEqual({ kind: 'pglite', dataDir: path.resolve(DEFAULT_DATA_DIR) });
		expect(resolveDatabaseTarget('  ')).toEqual({ kind: 'pglite', dataDir: path.resolve(DEFAULT_DATA_DIR) });
	});

	it('treats a path (or file: path) as a PGlite data folder', () => {
		expect(resolveDatabaseTarget('/var/lib/traceable')).toEqual({ kind: 'pglite', dataDir: '/var/lib/traceable' });
		expect(resolveDatabaseTarget('file:./db')).toEqual({ kind: 'pglite', dataDir: path.resolve('./db') });
	});

	it('selects PostgreSQL for postgres:// and postgresql:// URLs', () => {
		expect(resolveDatabaseTarget('postgres://u:p@db.example:5432/app').kind).toBe('postgres');
		expect(resolveDatabaseTarget('postgresql://db.example/app').kind).toBe('postgres');
	});

	it('rejects malformed and unsupported URLs with a message naming DATABASE_URL', () => {
		expect(() => resolveDatabaseTarget('postgres://user:pa ss@/x%zz')).toThrow(DatabaseConfigError);
		expect(() => resolveDatabaseTarget('postgres://user:pa ss@/x%zz')).toThrow(/DATABASE_URL/);
		expect(() => resolveDatabaseTarget('mysql://localhost/db')).toThrow(/DATABASE_URL uses an unsupported scheme "mysql"/);
	});

	it('never prints the password when describing a target', () => {
		const text = describeTarget(resolveDatabaseTarget('postgres://admin:s3cret@db.example:5432/app'));
		expect(text).toBe('PostgreSQL at db.example:5432/app');
		expect(text).not.toContain('s3cret');
	});
});
