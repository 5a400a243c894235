// `npm start`: builds the app when its build is missing or older than its code, then serves it.
// Plain JavaScript (no tsx) so the server process carries no TypeScript loader.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildInputsDigest } from './build-inputs.js';

const projectDir = path.resolve(import.meta.dirname, '../..');
const buildDir = path.resolve(projectDir, process.env.BUILD_DIR ?? 'build');
const stampFile = path.join(buildDir, '.build-inputs');

/** @param {string} line */
const say = (line) => console.log(`Traceable: ${line}`);

/** @param {string} digest */
function buildIsCurrent(digest) {
	if (!fs.existsSync(path.join(buildDir, 'index.js')) || !fs.existsSync(stampFile)) return false;
	return fs.readFileSync(stampFile, 'utf8').trim() === digest;
}

/** Runs `vite build` with its output kept aside: shown only if the build fails. */
function build() {
	return new Promise((resolve, reject) => {
		const vite = path.join(projectDir, 'node_modules', 'vite', 'bin', 'vite.js');
		const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: projectDir, env: process.env });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`the build failed:\n${output}`))));
	});
}

/** Addresses other devices on this network can use, for the start-up line. */
function networkAddresses() {
	return Object.values(os.networkInterfaces())
		.flat()
		.filter((address) => address && address.family === 'IPv4' && !address.internal)
		.map((address) => /** @type {os.NetworkInterfaceInfo} */ (address).address);
}

async function main() {
	const digest = buildInputsDigest(projectDir);
	if (!buildIsCurrent(digest)) {
		const started = Date.now();
		say(fs.existsSync(path.join(buildDir, 'index.js')) ? 'build: the code changed, rebuilding (about a minute)…' : 'build: first start, building the app (about a minute)…');
		await build();
		fs.writeFileSync(stampFile, digest + '\n');
		say(`build: done in ${Math.round((Date.now() - started) / 1000)} s`);
	}

	// Without ORIGIN, adapter-node takes every request to be HTTPS, so the browser's http:// Origin
	// never matches and SvelteKit's CSRF check refuses every form. Tell it each request's real
	// protocol instead, through a header only this process writes (a client's copy is overwritten).
	const protocolHeader = 'x-traceable-protocol';
	const fromSocket = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (fromSocket) process.env.PROTOCOL_HEADER = protocolHeader;
	const plainHttp = fromSocket || (process.env.ORIGIN ?? '').startsWith('http:');

	// adapter-node announces "Listening on http://0.0.0.0:3000": replaced below by a line a newcomer can open
	const log = console.log;
	console.log = (...args) => {
		if (typeof args[0] === 'string' && args[0].startsWith('Listening on ')) return;
		log(...args);
	};
	const { server } = await import(pathToFileURL(path.join(buildDir, 'index.js')).href);
	const httpServer = /** @type {import('node:http').Server} */ (server.server);
	if (fromSocket) {
		// first among the request listeners, before adapter-node's handler reads the headers
		httpServer.prependListener('request', (request) => {
			request.headers[protocolHeader] = /** @type {import('node:tls').TLSSocket} */ (request.socket).encrypted ? 'https' : 'http';
		});
	}
	const announce = () => {
		const address = httpServer.address();
		if (!address || typeof address === 'string') return say(`listening on ${address}`);
		const host = process.env.HOST ?? '0.0.0.0';
		if (process.env.ORIGIN) say(`open ${process.env.ORIGIN} (listening on port ${address.port})`);
		else if (host === '0.0.0.0' || host === '::') {
			const others = networkAddresses().map((ip) => `http://${ip}:${address.port}`);
			say(`open http://localhost:${address.port} in a browser${others.length ? ` (other devices on this network: ${others.join(', ')})` : ''}`);
		} else say(`open http://${host.includes(':') ? `[${host}]` : host}:${address.port} in a browser`);
		if (plainHttp) say('plain HTTP: the sign-in cookie is sent without Secure, fine on a classroom network; beyond one, serve over HTTPS (README, "HTTPS")');
	};
	if (httpServer.listening) announce();
	else httpServer.once('listening', announce);
}

main().catch((error) => {
	console.error(`Traceable cannot start: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
