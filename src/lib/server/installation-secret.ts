import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from './db';
import { installationSecrets } from './db/schema';

const cache = new WeakMap<Database, Map<string, Promise<Buffer>>>();

/**
 * The installation's secret of that name, created the first time it is asked for. Servers starting
 * together on one PostgreSQL agree: only the first insert wins and everyone reads the stored value.
 */
export function installationSecret(db: Database, name: string): Promise<Buffer> {
	let secrets = cache.get(db);
	if (!secrets) cache.set(db, (secrets = new Map()));
	let secret = secrets.get(name);
	if (!secret) {
		secret = readOrCreateSecret(db, name);
		// a failed read (database briefly away) is retried on the next request, not cached
		secret.catch(() => secrets.delete(name));
		secrets.set(name, secret);
	}
	return secret;
}

/** Uncached: reads the secret, creating it when missing. */
export async function readOrCreateSecret(db: Database, name: string): Promise<Buffer> {
	await db
		.insert(installationSecrets)
		.values({ name, value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db.select({ value: installationSecrets.value }).from(installationSecrets).where(eq(installationSecrets.name, name));
	if (!row) throw new Error(`installation secret ${name} could not be read`);
	return Buffer.from(row.value, 'base64url');
}

/** Keys quiz ids and orders (see src/lib/quiz/opaque.ts). */
export const answerKeySecret = (db: Database) => installationSecret(db, 'answer-keys');
