/** `npm run admin -- <email or username>`: makes an existing account the administrator (a district's first one). */
import { DatabaseConfigError, openDatabase, resolveDatabaseTarget } from '../lib/server/db';
import { DataDirLockedError } from '../lib/server/db/data-dir-lock';
import { makeAdministrator } from '../lib/server/teaching/admin';

const login = process.argv[2];
if (!login) {
	console.error('Usage: npm run admin -- <email or username of an existing account>');
	process.exit(2);
}
try {
	const handle = await openDatabase(resolveDatabaseTarget(process.env.DATABASE_URL));
	const made = await makeAdministrator(handle.db, login);
	await handle.close();
	if (!made) {
		console.error(`admin: no account signs in as ${login}. Sign up first, then run this again.`);
		process.exit(1);
	}
	console.log(`${made.displayName} is now the administrator.`);
} catch (error) {
	if (error instanceof DatabaseConfigError || error instanceof DataDirLockedError) {
		console.error(`admin: ${error.message}`);
		process.exit(1);
	}
	throw error;
}
