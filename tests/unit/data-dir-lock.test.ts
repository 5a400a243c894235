import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from '../../src/lib/server/db/data-dir-lock';

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
	it('creates the folder and a lock file holding this pid, removed on release', () => {
		const dir = path.join(tempDir(), 'nested', 'db');
		const lock = acquireDataDirLock(dir);
		expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).toBe(String(process.pid));
		lock.release();
		expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
	});

	it('refuses a second holder while the first is alive, naming the folder and pid', async () => {
		const dir = tempDir();
		// another live process holds the lock
		const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		try {
			fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), String(sleeper.pid));
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
		expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).toBe(String(process.pid));
		lock.release();
	});
});
