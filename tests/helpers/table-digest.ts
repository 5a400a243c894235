import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, selectRows } from '../../src/lib/server/db/client';
import type { DatabaseTarget } from '../../src/lib/server/db/config';

/** Columns a read may move on its own (a session seen again is extended): not "a change" a request made. */
const VOLATILE: Record<string, string[]> = { sessions: ['last_seen_at', 'expires_at'] };

/**
 * A digest per table of everything stored, to show a refused request changed nothing. Opens its own
 * connection: on PGlite only while no server holds the folder.
 */
export async function digestTables(target: DatabaseTarget): Promise<Record<string, string>> {
	const handle = await openDatabase(target);
	try {
		const tables = await selectRows<{ name: string }>(
			handle.db,
			sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
		);
		const digests: Record<string, string> = {};
		for (const { name } of tables) {
			const rows = await selectRows<Record<string, unknown>>(handle.db, sql.raw(`select * from "${name}"`));
			const lines = rows
				.map((row) => {
					for (const column of VOLATILE[name] ?? []) delete row[column];
					return JSON.stringify(row);
				})
				.sort();
			digests[name] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
		}
		return digests;
	} finally {
		await handle.close();
	}
}
