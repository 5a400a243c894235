import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A new, empty database on the PostgreSQL server at `adminUrl`, for a test suite or a benchmark
 * run that must not see anyone else's data; `drop` removes it even with connections still open.
 */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}`));
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: () => withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`))
	};
}

async function withAdmin(adminUrl: string, work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await work(admin);
	} finally {
		await admin.end();
	}
}
