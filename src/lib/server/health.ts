import { sql } from 'drizzle-orm';
import { appDb } from './db';

export async function checkDatabase(): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
	const started = performance.now();
	try {
		await appDb().execute(sql`select 1`);
		return { ok: true, latencyMs: Math.round(performance.now() - started) };
	} catch (error) {
		return { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
	}
}
