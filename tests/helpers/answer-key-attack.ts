import { createHash } from 'node:crypto';
import { seedCourse } from './seed-content';
import type { QuestionPrompt } from '../../src/lib/content/question-types';

/**
 * The attack an independent probe ran on the quiz page: it knows how content ids were made
 * (`q-` + sha256(lesson, type, cited sentence ids…, answer key), option ids from the question id and
 * the option text, ordering items from the question id and the event id), reads the sentence ids
 * on the public source pages, and tests every plausible answer offline against what the page shows.
 * A confirmed hypothesis is an answer read off the page before submitting.
 */

export interface SourceSentence {
	id: string;
	text: string;
}

export interface ShownQuestion {
	lessonId: string;
	prompt: QuestionPrompt;
}

export interface RecoveredAnswer {
	lessonId: string;
	stem: string;
	type: QuestionPrompt['type'];
	/** option text, typed answer, number, or item texts earliest first */
	answer: string;
}

/** The published id scheme (src/lib/content/hash.ts before ids were keyed). */
function contentDigest(parts: readonly string[], length = 12): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\u0000');
	return hash.digest('hex').slice(0, length);
}
const questionIdOf = (lessonId: string, type: string, sentenceIds: readonly string[], key: string) =>
	`q-${contentDigest([lessonId, type, ...sentenceIds, key], 14)}`;

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);

function promptText(prompt: QuestionPrompt): string {
	const parts: string[] = [prompt.stem];
	if (prompt.type === 'true_false') parts.push(prompt.statement);
	if (prompt.type === 'attribution') parts.push(prompt.claim);
	if (prompt.type === 'multiple_choice' || prompt.type === 'attribution') parts.push(...prompt.options.map((o) => o.text));
	if (prompt.type === 'ordering') parts.push(...prompt.items.map((i) => i.text));
	return parts.join(' ');
}

/** The sentences most like a text, best first. */
function closest(text: string, sentences: readonly SourceSentence[], count: number): SourceSentence[] {
	const wanted = words(text);
	return sentences
		.map((s) => ({ s, score: [...words(s.text)].filter((w) => wanted.has(w)).length }))
		.filter((x) => x.score > 0)
		.sort((a, b) => b.score - a.score)
		.slice(0, count)
		.map((x) => x.s);
}

function ngrams(text: string, longest = 8): string[] {
	const tokens = text.split(/\s+/).filter(Boolean);
	const grams = new Set<string>();
	for (let i = 0; i < tokens.length; i++)
		for (let n = 1; n <= longest && i + n <= tokens.length; n++) {
			const gram = tokens.slice(i, i + n).join(' ');
			for (const variant of [gram, gram.replace(/^[“"‘'(]+|[”"’'),.;:!?]+$/g, ''), gram.replace(/[”"’'),.;:!?]+$/g, '').replace(/^(the|a|an) /i, '')]) grams.add(variant);
		}
	return [...grams].filter(Boolean);
}

function numbersIn(text: string): string[] {
	const found = new Set<string>();
	for (const match of text.matchAll(/\d[\d,]*(\.\d+)?/g)) found.add(String(Number(match[0].replaceAll(',', ''))));
	for (let n = 0; n <= 100; n++) found.add(String(n));
	return [...found];
}

function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [items.slice()];
	return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Every answer the attack confirms against the ids and tokens the browser received. */
export function recoverAnswers(questions: readonly ShownQuestion[], sentences: readonly SourceSentence[], observed: ReadonlySet<string>): RecoveredAnswer[] {
	const recovered: RecoveredAnswer[] = [];
	for (const { lessonId, prompt } of questions) {
		const found = (answer: string) => recovered.push({ lessonId, stem: prompt.stem, type: prompt.type, answer });
		const near = closest(promptText(prompt), sentences, 6);
		const citationSets = [...near.map((s) => [s.id]), ...near.flatMap((a) => near.filter((b) => b !== a).map((b) => [a.id, b.id]))];
		// a hypothesis is confirmed by the question id itself, or by an option or item id made from it
		const confirms = (qid: string, extra: (qid: string) => boolean = () => false) => observed.has(qid) || extra(qid);
		const optionConfirms = (options: readonly { text: string }[]) => (qid: string) => options.some((o) => observed.has(`o-${contentDigest([qid, o.text], 8)}`));
		let answer: string | undefined;
		switch (prompt.type) {
			case 'multiple_choice':
				answer = prompt.options.find((o) => citationSets.some((c) => confirms(questionIdOf(lessonId, prompt.type, c, o.text), optionConfirms(prompt.options))))?.text;
				break;
			case 'attribution':
				for (const entry of seedCourse.glossary) {
					if (citationSets.some((c) => confirms(questionIdOf(lessonId, prompt.type, c, entry.id), optionConfirms(prompt.options)))) {
						answer = prompt.options.find((o) => [entry.name, ...entry.aliases].some((n) => n.toLowerCase() === o.text.toLowerCase()))?.text ?? entry.name;
						break;
					}
				}
				break;
			case 'fill_blank':
			case 'numeric':
			case 'true_false': {
				const texts = [...near.slice(0, 3).map((s) => s.text), prompt.type === 'true_false' ? prompt.statement : ''];
				const keys =
					prompt.type === 'numeric'
						? texts.flatMap(numbersIn)
						: prompt.type === 'fill_blank'
							? texts.flatMap((t) => ngrams(t))
							: texts.flatMap((t) => ngrams(t).flatMap((g) => [`true:${g}`, `false:${g}`]));
				outer: for (const key of new Set(keys))
					for (const c of citationSets)
						if (confirms(questionIdOf(lessonId, prompt.type, c, key))) {
							answer = prompt.type === 'true_false' ? (key.startsWith('true:') ? 'true' : 'false') : key;
							break outer;
						}
				break;
			}
			case 'ordering': {
				const eventOf = new Map(prompt.items.map((item) => [item.text, closest(item.text, sentences, 1)[0]]));
				for (const order of permutations(prompt.items)) {
					const cited = order.map((item) => eventOf.get(item.text)?.id ?? '');
					const qid = questionIdOf(lessonId, 'ordering', cited, cited.map((id) => `e-${id}`).join(','));
					if (confirms(qid, (q) => cited.some((id) => observed.has(`i-${contentDigest([q, `e-${id}`], 8)}`)))) {
						answer = order.map((item) => item.text).join(' | ');
						break;
					}
				}
				break;
			}
		}
		if (answer !== undefined) found(answer);
	}
	return recovered;
}

/** Every token (ids included) in what the browser received. */
export function tokensOf(texts: readonly string[]): Set<string> {
	const tokens = new Set<string>();
	for (const text of texts) for (const match of text.matchAll(/[\w-]+/g)) tokens.add(match[0]);
	return tokens;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' };

/** The sentences of a source page: each is a span with the `s-<id>` anchor a citation links to. */
export function sentencesOnSourcePage(html: string): SourceSentence[] {
	return [...html.matchAll(/<span id="s-([^"]+)" class="sentence[^"]*">([\s\S]*?)<\/span>/g)].map((m) => ({
		id: m[1],
		text: m[2].replace(/<[^>]+>/g, '').replace(/&(amp|quot|#39|lt|gt);/g, (_, e: string) => ENTITIES[e])
	}));
}
