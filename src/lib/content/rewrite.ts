import type { CompiledRewrite } from './course';

/*
 * Display rewrites make a sentence self-contained when it is shown alone (in a quiz stem, a
 * timeline entry, a perspective). The table is course data (the course file's "rewrites"); only
 * for display: citations always quote the source as written.
 */

/** Offsets inside a quotation: rewrites never change anyone's quoted words. */
function insideQuotation(text: string, at: number): boolean {
	const before = text.slice(0, at);
	const curly = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
	const straight = (before.match(/"/g) ?? []).length;
	return curly > 0 || straight % 2 === 1;
}

/**
 * "an National…" and "a ATF…" read wrongly once a name is expanded or swapped: the article follows
 * the sound of the next word (acronyms are spelt out letter by letter, so "an NRA", "an ATF" stay).
 */
export function fixArticles(text: string): string {
	const outside = (fixed: (article: string) => string) => (match: string, article: string, at: number, whole: string) =>
		insideQuotation(whole, at) ? match : fixed(article);
	return text
		.replace(/\b([Aa])n (?=(?:[B-DF-HJ-NP-TV-Z][a-z]|[b-df-hj-np-tv-z])[\p{L}-]*)(?!hour|honest|honou?r|heir)/gu, outside((a) => `${a} `))
		.replace(/\b([Aa]) (?=[AEIOaeio][a-z])(?!one\b|once\b)/g, outside((a) => `${a}n `));
}

/** Applies every matching rewrite once, in table order, and restores an initial capital. */
export function rewriteForDisplay(sentence: string, sourceText: string, rewrites: readonly CompiledRewrite[]): string {
	let text = sentence.replace(/\s+/g, ' ').replace(/ ([,.;:])/g, '$1');
	for (const rule of rewrites) {
		if (rule.when && !rule.when.test(sourceText)) continue;
		const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g';
		let applied = false;
		const global = rule.pattern.flags.includes('g');
		text = text.replace(new RegExp(rule.pattern.source, flags), (...args: unknown[]) => {
			const match = args[0] as string;
			const groups = args.slice(1, -2) as (string | undefined)[];
			const at = args.at(-2) as number;
			if ((!global && applied) || insideQuotation(text, at)) return match;
			applied = true;
			// "$1" is a group; "$40 million" (no such group) is money, kept as written
			return rule.replacement.replace(/\$(\d)/g, (literal: string, n: string) => (Number(n) >= 1 && Number(n) <= groups.length ? (groups[Number(n) - 1] ?? '') : literal));
		});
	}
	return capitalise(fixArticles(text));
}

export function capitalise(text: string): string {
	// "eTrace" keeps its spelling: only plain lower-case words get a capital
	if (/^["“‘']?\p{Ll}+\p{Lu}/u.test(text)) return text;
	return text.replace(/^(["“‘']?)(\p{Ll})/u, (_, quote: string, letter: string) => quote + letter.toUpperCase());
}
