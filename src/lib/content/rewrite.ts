/**
 * The rewrite table: makes a sentence self-contained when it is shown alone (in a quiz stem, a
 * timeline entry, a perspective). Only for display; citations always quote the source as written.
 * `when` limits a rule to sources whose text contains that phrase, so "the report" becomes the
 * Inspector General's report only in articles about that report.
 */
export interface Rewrite {
	pattern: RegExp;
	replacement: string;
	when?: RegExp;
}

const IG_REPORT = /inspector general/i;

export const REWRITES: Rewrite[] = [
	// drop leading connectives and relative time that need the previous sentence
	{ pattern: /^(However|But|Meanwhile|In addition|In particular|Despite the GAO report|Rather than tightening U\.S\. gun laws),?\s+/, replacement: '' },
	{ pattern: /^On Friday, /, replacement: '' },
	// the Inspector General's draft report, named in full
	{ pattern: /\b[Tt]he draft version of the report\b/, replacement: "the draft of the Inspector General's report", when: IG_REPORT },
	{ pattern: /\b[Tt]he draft of the report\b/, replacement: "the draft of the Inspector General's report", when: IG_REPORT },
	{ pattern: /\b[Tt]he inspector general[’']s report\b/, replacement: "the Inspector General's draft report", when: IG_REPORT },
	{ pattern: /\b[Tt]he inspector general[’']s investigators\b/, replacement: "the Inspector General's investigators", when: IG_REPORT },
	{ pattern: /\b[Tt]he report\b/, replacement: "the Inspector General's draft report", when: IG_REPORT },
	{ pattern: /^We found that\b/, replacement: "The Inspector General's draft report found that", when: IG_REPORT },
	{ pattern: /^We also determined that\b/, replacement: "The Inspector General's draft report also determined that", when: IG_REPORT },
	{ pattern: /\b[Tt]he department[’']s Bureau\b/, replacement: "the Justice Department's Bureau" },
	{ pattern: /\bthe program[’']s success\b/, replacement: "Project Gunrunner's success", when: /Gunrunner/ },
	{ pattern: /\b[Tt]he project\b/, replacement: 'Project Gunrunner', when: /Project Gunrunner/ },
	{ pattern: /\bto the initiative\b/, replacement: 'to Project Gunrunner', when: /Project Gunrunner/ },
	{ pattern: /\bthe organization has\b/, replacement: 'the ATF has', when: /ATF/ },
	{ pattern: /^Deputy Director Kenneth Melson\b/, replacement: 'ATF Deputy Director Kenneth Melson' },
	{ pattern: /, Melson announced\b/, replacement: ', ATF Deputy Director Kenneth Melson announced' },
	{ pattern: /\bthe official said\b/, replacement: 'the anonymous senior ATF official said', when: /condition of anonymity/ },
	// "The most common weapons" of what: of the guns the study counted
	{ pattern: /^The most common weapons were\b/, replacement: 'The most common weapons confiscated by Mexican authorities were', when: /firearms confiscated by Mexican authorities/ },
	// "Other U.S. agencies" than the ATF office the sentence before counted
	{ pattern: /^Other U\.S\. agencies, federal, state and local,/, replacement: 'Federal, state and local U.S. agencies other than ATF Phoenix', when: /ATF Phoenix did interdict/ },
	// "This money": the Recovery Act's $40 million of the sentence before
	{ pattern: /^This money was\b/, replacement: "The Recovery Act's $40 million was", when: /American Recovery and Reinvestment Act of 2009 provided \$40 million/ },
	// "these are models": the two tracing centres the sentences before describe
	{ pattern: /^The ATF states these are models\b/, replacement: 'The ATF states that CIARA in Colombia and CENAPI in Mexico are models', when: /\(CIARA\)[\s\S]*\(CENAPI\)/ },
	// "courses in these subject areas": the eTrace training the sentences before count
	{ pattern: /\bnumerous additional courses in these subject areas\b/, replacement: 'numerous additional eTrace training courses', when: /eTrace training sessions/ },
	{ pattern: /^The bill was\b/, replacement: 'The Reform and Modernization Act was', when: /Reform and Modernization Act/ },
	{ pattern: /\bthe new bill\b/, replacement: 'the Reform and Modernization Act', when: /Reform and Modernization Act/ },
	{ pattern: /^(\$[\d.]+ million) of the money\b/, replacement: "$1 of the Recovery Act's $40 million", when: /American Recovery and Reinvestment Act of 2009 provided \$40 million/ },
	{ pattern: /\bthe agency\b/g, replacement: 'the ATF', when: /\bATF\b/ },
	{ pattern: /\bunder the program\b/, replacement: 'under Project Gunrunner', when: /Gunrunner/ },
	// "As of a 2011 report, total of 372": the stem needs the article the source left out
	{ pattern: /^(As of an? \d{4} report), total of\b/, replacement: '$1, a total of' },
	// "at least 1,856 guns were allowed to walk" only makes sense with the operation named
	{ pattern: /^[Aa]t least ([\d,]+) guns were allowed to walk\b/, replacement: 'During Operation Fast and Furious, at least $1 guns were allowed to walk', when: /Fast and Furious/ },
	// "including his failure to nominate": "his" is the President named only as "the Obama administration"
	{ pattern: /(Obama administration[’']s\b.*), including his failure\b/, replacement: "$1, including President Obama's failure" },
	// "In GAO Report 09-709, the ATF reports the National Tracing Center, "conducts…": the report's
	// number is not a fact to learn, and the clause needs its "that" to read as a sentence
	{ pattern: /^In [A-Z]{2,6} Report [\d-]+, (the [A-Z]{2,6}) reports (the [A-Z][\w ]+?), (["“])/, replacement: '$1 reports that $2 $3' },
	// "since last year" is relative to an undated article: the stem says less rather than something unanchored
	{ pattern: / since last year\b/, replacement: '' },
	// "is also part of", "has also taken on": the "also" points at a sentence the reader has not seen
	{ pattern: /\b(is|has|have|was|were) also\b/, replacement: '$1' },
	// "In Mexico, The National Center…": a capital carried over from a heading-like clause
	{ pattern: /^((?:In|On|By|During|Since) [A-Z][\w ]{0,30}?), The\b/, replacement: '$1, the' }
];

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
export function rewriteForDisplay(sentence: string, sourceText: string): string {
	let text = sentence.replace(/\s+/g, ' ').replace(/ ([,.;:])/g, '$1');
	for (const rule of REWRITES) {
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
