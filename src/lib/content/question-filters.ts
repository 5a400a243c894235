import { normaliseAnswer } from './normalise';
import type { Sentence } from './types';

/** Filters that keep an item unambiguous, self-contained and worth asking. */

const STOPWORDS = new Set(
	'the a an and or of to in on for from by with at as is are was were be been has have had that this which who its their his her it they not but also than into over about more most only other some such'.split(' ')
);

export function contentWords(text: string): string[] {
	return normaliseAnswer(text)
		.split(/\s+/)
		.filter((w) => w.length > 2 && !STOPWORDS.has(w) && w !== '_____');
}

/** Share of the stem's content words found in another sentence. */
export function overlap(stem: string, other: string): number {
	const words = contentWords(stem);
	if (words.length === 0) return 0;
	const otherWords = new Set(contentWords(other));
	return words.filter((w) => otherWords.has(w)).length / words.length;
}

export function containsNormalised(haystack: string, needle: string): boolean {
	const n = normaliseAnswer(needle);
	if (!n) return false;
	return paddedHaystack(haystack).includes(` ${n} `);
}

const haystacks = new Map<string, string>();

/** "Mexico’s" contains "Mexico": the text normalised without possessives, kept (the same sentences are searched thousands of times). */
function paddedHaystack(text: string): string {
	const known = haystacks.get(text);
	if (known !== undefined) return known;
	if (haystacks.size > 50_000) haystacks.clear();
	const padded = ` ${normaliseAnswer(text.replace(/[’']s\b/g, ''))} `;
	haystacks.set(text, padded);
	return padded;
}

/**
 * A distractor is "also true" when some other sentence of the corpus says much the same thing
 * with the distractor in it (e.g. 2006 for the year Gunrunner went national).
 */
export function isAlsoTrue(blankedStem: string, distractor: string, corpus: readonly Sentence[], citedId: string): boolean {
	for (const sentence of corpus) {
		if (!containsNormalised(sentence.text, distractor)) continue;
		if (sentence.id === citedId) return true;
		if (overlap(blankedStem, sentence.text) >= 0.5) return true;
	}
	return false;
}

/** Trivial answers: words a learner could guess from grammar alone. */
export function isTrivialAnswer(text: string): boolean {
	return /^(one|two|three|first|second|third|once|twice|some|many|few)$/i.test(text.trim()) || text.trim().length < 2;
}
