import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
	acquireDataDirLock,
	DataDirLockedError,
	LOCK_FILE_NAME,
	parseLockHolder,
	processStartTime
} from '../../src/lib/server/db/data-dir-lock';

const dirs: string[] = [];
function tempDir() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-lock-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock', () => {
	it('creates the folder and a lock file naming this process (pid and start time), removed on release', () => {
		const dir = path.join(tempDir(), 'nested', 'db');
		const lock = acquireDataDirLock(dir);
		const holder = parseLockHolder(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'));
		expect(holder).toMatchObject({ pid: process.pid, startTime: processStartTime(process.pid) });
		expect(holder?.startTime).toMatch(/^\d+$/);
		lock.release();
		expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
	});

	it('refuses a second holder while the first is alive, naming the folder and pid', async () => {
		const dir = tempDir();
		// another live process holds the lock
		const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		try {
			fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), `${sleeper.pid} ${processStartTime(sleeper.pid!)}`);
			let caught: unknown;
			try {
				acquireDataDirLock(dir);
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(DataDirLockedError);
			expect((caught as Error).message).toContain(dir);
			expect((caught as Error).message).toContain(`pid ${sleeper.pid}`);
		} finally {
			sleeper.kill();
		}
	});

	it('refuses a second open from the same process', () => {
		const dir = tempDir();
		const lock = acquireDataDirLock(dir);
		expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
		lock.release();
	});

	it('takes over a stale lock whose process has exited', async () => {
		const dir = tempDir();
		const child = spawn(process.execPath, ['-e', '0']);
		const pid = child.pid!;
		await new Promise((resolve) => child.on('exit', resolve));
		fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), String(pid));
		const lock = acquireDataDirLock(dir);
		expect(parseLockHolder(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'))?.pid).toBe(process.pid);
		lock.release();
	});

	// a container's app is pid 1 every time: after kill -9, the restart finds its own pid in the lock
	it('takes over a lock that names our own pid but an earlier process (older start time), as after a restart as pid 1', () => {
		const dir = tempDir();
		const started = Number(processStartTime(process.pid));
		fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), `${process.pid} ${started - 1000}`);
		const lock = acquireDataDirLock(dir);
		expect(parseLockHolder(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({
			pid: process.pid,
			startTime: String(started)
		});
		lock.release();
		// a lock written by an older version (pid only) with our pid is taken over too
		fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), String(process.pid));
		acquireDataDirLock(dir).release();
		expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
	});

	it('takes over a lock whose pid is alive but now belongs to another process (a different start time)', async () => {
		const dir = tempDir();
		const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		try {
			fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), `${sleeper.pid} ${Number(processStartTime(sleeper.pid!)) - 1}`);
			const lock = acquireDataDirLock(dir);
			expect(parseLockHolder(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'))?.pid).toBe(process.pid);
			lock.release();
		} finally {
			sleeper.kill();
		}
	});

	it('takes over a lock written before the last reboot', () => {
		const dir = tempDir();
		const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		try {
			fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), `${sleeper.pid} ${processStartTime(sleeper.pid!)} not-this-boot`);
			acquireDataDirLock(dir).release();
			expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
		} finally {
			sleeper.kill();
		}
	});
});
