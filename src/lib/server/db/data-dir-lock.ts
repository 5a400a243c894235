import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock between processes: a second process writing the same folder loses its
 * writes silently. The owner of the folder holds this lock file (O_EXCL, with its pid) for as long
 * as the database is open; a lock whose process is gone is stale and taken over.
 */
export class DataDirLockedError extends Error {
	override name = 'DataDirLockedError';
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`The database folder ${dataDir} is in use by another process (pid ${pid}), probably the running app. ` +
				'Stop it first (content and migrations are also applied when the app starts).'
		);
	}
}

export const LOCK_FILE_NAME = 'traceable.lock';

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export interface DataDirLock {
	readonly path: string;
	release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
	fs.mkdirSync(dataDir, { recursive: true });
	const lockPath = path.join(dataDir, LOCK_FILE_NAME);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = fs.openSync(lockPath, 'wx');
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				try {
					if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
				} catch {
					// already gone
				}
			};
			process.once('exit', release);
			return { path: lockPath, release };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number.parseInt(readLockHolder(lockPath), 10);
			if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processIsAlive(holder)) {
				throw new DataDirLockedError(dataDir, holder);
			}
			if (holder === process.pid) throw new DataDirLockedError(dataDir, holder);
			// stale: the holder died without cleaning up
			fs.rmSync(lockPath, { force: true });
		}
	}
	throw new Error(`Could not lock the database folder ${dataDir}`);
}

function readLockHolder(lockPath: string): string {
	try {
		return fs.readFileSync(lockPath, 'utf8').trim();
	} catch {
		return '';
	}
}
