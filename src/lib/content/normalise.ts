/**
 * Normal form for comparing short answers: case, accents, punctuation, spacing, thousands separators
 * and leading articles do not matter ("1,856" = "1856", "The ATF." = "atf").
 */
const memo = new Map<string, string>();

export function normaliseAnswer(text: string): string {
	// distractor and leak checks normalise the same sentences thousands of times
	const known = memo.get(text);
	if (known !== undefined) return known;
	if (memo.size > 50_000) memo.clear();
	const normal = normalise(text);
	memo.set(text, normal);
	return normal;
}

function normalise(text: string): string {
	return text
		.normalize('NFKD')
		// accents are optional on a keyboard: "Calderon" = "Calderón"
		.replace(/\p{M}+/gu, '')
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2018\u2019\u201c\u201d]/g, '')
		.replace(/(\d),(?=\d{3}\b)/g, '$1')
		.replace(/[^\p{L}\p{N}.$%\s-]/gu, ' ')
		.replace(/[.-](?!\d)/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^(the|a|an) /, '');
}

/** "GSA" for "General Services Administration": the initials of a name of three or more capitalised words. */
export function initialsOf(name: string): string | undefined {
	const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
	return words.length >= 3 && words.length === name.split(/\s+/).filter((w) => !/^(?:of|and|for|the|on)$/.test(w)).length ? words.map((w) => w[0]).join('') : undefined;
}
