// Which files a build of the app is made from, and a digest of them, so `npm start` rebuilds only
// when one of them changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const BUILD_INPUTS = ['src', 'static', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];
/** Read at run time, not bundled: the course's sources (content is regenerated at start-up) and the command-line tools. */
const RUNTIME_ONLY = ['src/sources', 'src/cli'];

/**
 * A digest of every build input's path and content: an edit or a checkout changes it, a bare
 * touch (a fresh clone's new modification times) does not.
 * @param {string} root the project folder
 */
export function buildInputsDigest(root) {
	const hash = createHash('sha256');
	const skipped = new Set(RUNTIME_ONLY.map((dir) => path.join(root, dir)));
	/** @param {string} file */
	const visit = (file) => {
		if (skipped.has(file)) return;
		const stat = fs.statSync(file, { throwIfNoEntry: false });
		if (!stat) return;
		if (stat.isDirectory()) {
			for (const name of fs.readdirSync(file).sort()) visit(path.join(file, name));
		} else {
			hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
		}
	};
	for (const input of BUILD_INPUTS) visit(path.join(root, input));
	return hash.digest('hex');
}
