import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { courseKnowledge } from '../../src/lib/content/course';
import { generate, type GeneratedContent } from '../../src/lib/content/generate';
import { readCourseFile, readSourceFiles } from '../../src/lib/server/db/sources-sync';

/**
 * The seed course generated once per change, not once per test file: the first test process to
 * need it generates and writes it to a cache file named by a digest of the generator's code, the
 * course file and the sources; every other test file (each runs in a process of its own) reads it.
 * Only the golden test (content-graded-sample) always generates afresh.
 */

export const SEED_DIR = path.resolve('src/sources');
export const seedSources = readSourceFiles(SEED_DIR);
export const seedCourse = readCourseFile(SEED_DIR);
export const seedKnowledge = courseKnowledge(seedCourse);

const CACHE_DIR = path.resolve('node_modules/.cache/traceable-tests');

function inputsDigest(): string {
	const hash = createHash('sha256');
	const generatorDir = path.resolve('src/lib/content');
	for (const file of (fs.readdirSync(generatorDir, { recursive: true }) as string[]).sort()) {
		const full = path.join(generatorDir, file);
		if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
	}
	hash.update(JSON.stringify(seedCourse));
	for (const s of seedSources) hash.update(s.contentHash);
	return hash.digest('hex').slice(0, 24);
}

let memo: GeneratedContent | undefined;

export function seedContent(): GeneratedContent {
	if (memo) return memo;
	const file = path.join(CACHE_DIR, `seed-${inputsDigest()}.json`);
	try {
		memo = JSON.parse(fs.readFileSync(file, 'utf8')) as GeneratedContent;
		return memo;
	} catch {
		// not generated yet for this code and these inputs
	}
	memo = generate(seedSources, seedCourse);
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	// write then rename: a parallel reader never sees half a file
	const partial = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(partial, JSON.stringify(memo));
	fs.renameSync(partial, file);
	return memo;
}
