import type { Database } from '../db/client';
import { deleteExpiredSessions } from './session';
import { deleteStaleThrottles } from './throttle';

const SWEEP_EVERY_MS = 60 * 60 * 1000;
let nextSweepAt = 0;

/**
 * At most hourly per process, deletes expired sessions and forgotten throttle streaks. Runs in
 * the background: a request never waits for it, and a failure is logged, not shown to anyone.
 */
export function sweepAuthTablesIfDue(db: Database, now = new Date()): void {
	if (now.getTime() < nextSweepAt) return;
	nextSweepAt = now.getTime() + SWEEP_EVERY_MS;
	void Promise.all([deleteExpiredSessions(db, now), deleteStaleThrottles(db, now)]).catch((error: unknown) => {
		console.error(`Auth sweep failed: ${(error as Error).message}`);
	});
}
