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
	{ pattern: /^The bill was\b/, replacement: 'The Reform and Modernization Act was', when: /Reform and Modernization Act/ },
	{ pattern: /\bthe new bill\b/, replacement: 'the Reform and Modernization Act', when: /Reform and Modernization Act/ },
	{ pattern: /^(\$[\d.]+ million) of the money\b/, replacement: "$1 of the Recovery Act's $40 million", when: /American Recovery and Reinvestment Act of 2009 provided \$40 million/ },
	{ pattern: /\bthe agency\b/g, replacement: 'the ATF', when: /\bATF\b/ },
	{ pattern: /\bunder the program\b/, replacement: 'under Project Gunrunner', when: /Gunrunner/ }
];

/** Applies every matching rewrite once, in table order, and restores an initial capital. */
export function rewriteForDisplay(sentence: string, sourceText: string): string {
	let text = sentence.replace(/\s+/g, ' ').replace(/ ([,.;:])/g, '$1');
	for (const rule of REWRITES) {
		if (rule.when && !rule.when.test(sourceText)) continue;
		text = text.replace(rule.pattern, rule.replacement);
	}
	return capitalise(text);
}

export function capitalise(text: string): string {
	// "eTrace" keeps its spelling: only plain lower-case words get a capital
	if (/^["“‘']?\p{Ll}+\p{Lu}/u.test(text)) return text;
	return text.replace(/^(["“‘']?)(\p{Ll})/u, (_, quote: string, letter: string) => quote + letter.toUpperCase());
}
