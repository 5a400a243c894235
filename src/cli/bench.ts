/**
 * `npm run bench [-- <section>…]`: runs the benchmark sections against the production build
 * (BUILD_DIR, default `build`) and writes each as a dated markdown table to bench-results/<section>.md
 * (and stdout) for BENCHMARKS.md. Adding a section is one line in SECTIONS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchContent, formatContentBench } from './bench/content';
import { benchQuiz, formatQuizBench } from './bench/quiz';
import { benchTeaching, formatTeachingBench } from './bench/teaching';
import { benchPhone, formatPhoneBench } from './bench/phone';

type Section = (log: (line: string) => void) => Promise<string>;

const SECTIONS: Record<string, Section> = {
	content: async (log) => formatContentBench(await benchContent(log)),
	quiz: async (log) => formatQuizBench(await benchQuiz(log)),
	teaching: async (log) => formatTeachingBench(await benchTeaching(log)),
	phone: async (log) => formatPhoneBench(await benchPhone(log))
};

function machine(): string {
	const memory = `${Math.round(os.totalmem() / 1024 ** 3)} GB`;
	return `${os.cpus().length} CPUs (nproc ${os.availableParallelism()}), ${memory} memory, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((name) => !(name in SECTIONS));
	if (unknown.length) {
		console.error(`npm run bench: unknown section ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
		process.exit(1);
	}
	const names = wanted.length ? wanted : Object.keys(SECTIONS);
	fs.mkdirSync('bench-results', { recursive: true });
	for (const name of names) {
		const started = new Date();
		const body = await SECTIONS[name]((line) => console.error(line));
		const markdown = [
			body,
			'',
			`Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.`,
			`Command: \`npm run bench -- ${name}\`${process.env.BUILD_DIR ? ` (BUILD_DIR=${process.env.BUILD_DIR})` : ''}.`,
			''
		].join('\n');
		const file = path.join('bench-results', `${name}.md`);
		fs.writeFileSync(file, markdown);
		console.log(markdown);
		console.error(`bench: wrote ${file}`);
	}
}

main().catch((error: unknown) => {
	console.error(`npm run bench failed: ${(error as Error).message}`);
	process.exit(1);
});
