import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const START_SCRIPT = path.resolve('src/cli/start.js');

export interface RunningServer {
	child: ChildProcessWithoutNullStreams;
	url: string;
	output(): string;
	/** Resolves with the exit code, or null when it has not exited within `ms`. */
	waitForExit(ms: number): Promise<number | null>;
}

/**
 * Starts the app as `npm start` does (its start script, which builds only when the build is
 * stale), on loopback. `beforeExec` is shell run first in the same process, which then becomes
 * node (`exec` keeps the pid): e.g. to write that pid into a file before the app starts.
 */
export function startServer(env: Record<string, string>, port: number, beforeExec?: string): RunningServer {
	const [command, args]: [string, string[]] = beforeExec
		? ['sh', ['-c', `${beforeExec}
exec "$0" "$1"`, process.execPath, START_SCRIPT]]
		: [process.execPath, [START_SCRIPT]];
	const child = spawn(command, args, {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env }
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 0))));
	return {
		child,
		url: `http://127.0.0.1:${port}`,
		output: () => output,
		waitForExit: (ms) =>
			Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))])
	};
}

export async function waitUntilHealthy(server: RunningServer, ms = 60_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
		try {
			const response = await fetch(`${server.url}/health`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`server did not become healthy:\n${server.output()}`);
}
