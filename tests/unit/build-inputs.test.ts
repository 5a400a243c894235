import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInputsDigest } from '../../src/cli/build-inputs.js';

/** `npm start` rebuilds only when this digest changes: code edits must change it, nothing else. */
describe('the build inputs digest', () => {
	let root = '';
	afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

	function project(): string {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-digest-'));
		const files: Record<string, string> = {
			'package.json': '{}',
			'src/routes/+page.svelte': '<h1>Course</h1>',
			'src/lib/grade.ts': 'export const grade = 1;',
			'src/sources/sources.json': '[]',
			'src/cli/content.ts': 'console.log(1);',
			'static/robots.txt': 'User-agent: *',
			'data/traceable/PG_VERSION': '17'
		};
		for (const [file, text] of Object.entries(files)) {
			fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
			fs.writeFileSync(path.join(root, file), text);
		}
		return root;
	}

	it('is unchanged by new modification times (a fresh clone, a touch) and by run-time files', () => {
		const dir = project();
		const before = buildInputsDigest(dir);
		const later = new Date(Date.now() + 60_000);
		fs.utimesSync(path.join(dir, 'src/lib/grade.ts'), later, later);
		fs.writeFileSync(path.join(dir, 'src/sources/sources.json'), '[{"id":"new"}]');
		fs.writeFileSync(path.join(dir, 'src/cli/content.ts'), 'console.log(2);');
		fs.writeFileSync(path.join(dir, 'data/traceable/PG_VERSION'), '18');
		expect(buildInputsDigest(dir)).toBe(before);
	});

	it('changes when code, a static file or the dependencies change, or a file is added or renamed', () => {
		const dir = project();
		const seen = new Set([buildInputsDigest(dir)]);
		const steps: Array<() => void> = [
			() => fs.writeFileSync(path.join(dir, 'src/lib/grade.ts'), 'export const grade = 2;'),
			() => fs.writeFileSync(path.join(dir, 'static/robots.txt'), 'User-agent: *\nDisallow: /account'),
			() => fs.writeFileSync(path.join(dir, 'package.json'), '{"dependencies":{}}'),
			() => fs.writeFileSync(path.join(dir, 'src/lib/new.ts'), ''),
			() => fs.renameSync(path.join(dir, 'src/lib/new.ts'), path.join(dir, 'src/lib/renamed.ts'))
		];
		for (const step of steps) {
			step();
			const digest = buildInputsDigest(dir);
			expect(seen.has(digest)).toBe(false);
			seen.add(digest);
		}
	});
});
