/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (they also run at start-up). */
import { DatabaseConfigError, openDatabase, resolveDatabaseTarget } from '../lib/server/db';
import { DataDirLockedError } from '../lib/server/db/data-dir-lock';
import { selectRows } from '../lib/server/db/client';
import { sql } from 'drizzle-orm';

try {
	const handle = await openDatabase(resolveDatabaseTarget(process.env.DATABASE_URL));
	const [{ n }] = await selectRows<{ n: number }>(
		handle.db,
		sql`select count(*)::int as n from drizzle.__drizzle_migrations`
	);
	await handle.close();
	console.log(`Migrations: ${n} applied to ${handle.description}.`);
} catch (error) {
	if (error instanceof DatabaseConfigError || error instanceof DataDirLockedError) {
		console.error(`db:migrate: ${error.message}`);
		process.exit(1);
	}
	throw error;
}
