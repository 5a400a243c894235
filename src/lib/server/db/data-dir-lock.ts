import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock between processes: a second process writing the same folder loses its
 * writes silently. The owner of the folder holds this lock file (O_EXCL) for as long as the
 * database is open; a lock whose process is gone is stale and taken over.
 *
 * A pid alone does not name a process for long: in a container the app is pid 1 every time, so
 * after a `kill -9` the restarted app finds "its own" pid in the lock. The file therefore records
 * the pid, the process's start time (field 22 of /proc/<pid>/stat, in clock ticks since boot) and
 * the boot id: a live pid whose start time or boot differs is a different process that reused it.
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

/** Who holds a lock: what the lock file says (start and boot are absent in a lock from an older version). */
export interface LockHolder {
	pid: number;
	startTime?: string;
	bootId?: string;
}

/** Start time of a live process, or undefined where /proc cannot tell (not Linux, or already gone). */
export function processStartTime(pid: number): string | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return fields[19] || undefined;
	} catch {
		return undefined;
	}
}

function bootId(): string | undefined {
	try {
		return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
	} catch {
		return undefined;
	}
}

export function formatLockHolder(holder: LockHolder): string {
	return [holder.pid, holder.startTime ?? '-', holder.bootId ?? '-'].join(' ');
}

export function parseLockHolder(text: string): LockHolder | null {
	const [pid, startTime, boot] = text.trim().split(/\s+/);
	const number = Number(pid);
	if (!Number.isInteger(number) || number <= 0) return null;
	return { pid: number, startTime: startTime && startTime !== '-' ? startTime : undefined, bootId: boot && boot !== '-' ? boot : undefined };
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Is the process the lock names still the one running under that pid? */
export function holderIsRunning(holder: LockHolder, self: LockHolder = currentProcess()): boolean {
	if (holder.bootId && self.bootId && holder.bootId !== self.bootId) return false;
	if (holder.pid === self.pid) {
		// our pid, but not a lock this process took (those are in `heldHere`): an earlier process that had our pid
		return false;
	}
	if (!processIsAlive(holder.pid)) return false;
	const now = processStartTime(holder.pid);
	// without a recorded or readable start time, a live pid has to be taken at its word
	return !(holder.startTime && now && holder.startTime !== now);
}

let self: LockHolder | undefined;
function currentProcess(): LockHolder {
	self ??= { pid: process.pid, startTime: processStartTime(process.pid), bootId: bootId() };
	return self;
}

/** Folders this process has locked: a second open from the same process is refused, not taken over. */
const heldHere = new Set<string>();

export interface DataDirLock {
	readonly path: string;
	release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
	fs.mkdirSync(dataDir, { recursive: true });
	const lockPath = path.join(dataDir, LOCK_FILE_NAME);
	const key = path.resolve(lockPath);
	if (heldHere.has(key)) throw new DataDirLockedError(dataDir, process.pid);
	const mine = formatLockHolder(currentProcess());
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = fs.openSync(lockPath, 'wx');
			fs.writeSync(fd, mine);
			fs.closeSync(fd);
			heldHere.add(key);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				heldHere.delete(key);
				try {
					if (fs.readFileSync(lockPath, 'utf8').trim() === mine) fs.unlinkSync(lockPath);
				} catch {
					// already gone
				}
			};
			process.once('exit', release);
			return { path: lockPath, release };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = parseLockHolder(readLock(lockPath));
			if (holder && holderIsRunning(holder)) throw new DataDirLockedError(dataDir, holder.pid);
			// stale: the holder died without cleaning up (or the file is unreadable)
			fs.rmSync(lockPath, { force: true });
		}
	}
	throw new Error(`Could not lock the database folder ${dataDir}`);
}

function readLock(lockPath: string): string {
	try {
		return fs.readFileSync(lockPath, 'utf8');
	} catch {
		return '';
	}
}
