import { resolveDatabaseTarget } from './config';
import { openDatabase, type Database, type DatabaseHandle } from './client';

export type { Database, DatabaseHandle };
export { openDatabase, selectRows } from './client';
export { resolveDatabaseTarget, DatabaseConfigError } from './config';

/** The app's one database, opened by the server's init hook. */
let handle: DatabaseHandle | undefined;

export async function openAppDatabase(): Promise<DatabaseHandle> {
	handle ??= await openDatabase(resolveDatabaseTarget(process.env.DATABASE_URL));
	return handle;
}

export function useAppDatabase(handleToUse: DatabaseHandle): void {
	handle = handleToUse;
}

export function appDb(): Database {
	if (!handle) throw new Error('The database is not open yet (the server init hook opens it).');
	return handle.db;
}

export async function closeAppDatabase(): Promise<void> {
	const current = handle;
	handle = undefined;
	await current?.close();
}
