import fs from 'node:fs';
import path from 'node:path';
import { readCourseFile, readSourceFiles } from '../lib/server/db/sources-sync';
import { toSourceInputs } from '../lib/server/content/store';
import { generate } from '../lib/content/generate';
import { questionSummary } from '../lib/content/report';

/**
 * `npx tsx src/cli/corpus-items.ts [out.json]`: generates the seed course with the development
 * corpus (tests/fixtures/corpus) added and writes every item citing a corpus text, as a grader
 * sees it (id, type, stem, options, answer, cited sentences), so the items can be graded blind.
 */
const seeds = path.resolve('src/sources');
const corpusDir = path.resolve('tests/fixtures/corpus');
const corpus = readSourceFiles(corpusDir);
const content = generate(toSourceInputs([...readSourceFiles(seeds), ...corpus]), readCourseFile(seeds));
const ids = new Set(corpus.map((c) => c.id));
const items = content.questions
	.filter((q) => q.citations.some((c) => ids.has(c.sourceId)))
	.map((q) => {
		const { id, type, stem, options, answer, citations } = questionSummary(q);
		return { id, sourceId: citations.find((c) => ids.has(c.sourceId))!.sourceId, type, stem, options, answer, cited: citations.map((c) => c.text) };
	});
const out = process.argv[2] ?? 'tests/fixtures/corpus-items.json';
fs.writeFileSync(out, `${JSON.stringify({ generatorVersion: content.generatorVersion, corpus: 'tests/fixtures/corpus (seven texts, added to the three seeds with the seed course file)', items }, null, '\t')}\n`);
console.log(`${items.length} items from ${corpus.length} corpus texts written to ${out}`);
