import compromise from 'compromise';

export interface NamedMentions {
	people: string[];
	places: string[];
}

/** People and places as compromise finds them (its organisations are left out: slow, and the rule layer finds them), trimmed of punctuation and possessives. */
const cache = new Map<string, NamedMentions>();

export function findNames(text: string): NamedMentions {
	// the same sentence is read twice (finding names, then tagging them): compromise is slow
	const known = cache.get(text);
	if (known) return known;
	if (cache.size > 20_000) cache.clear();
	// no capital after the first word: no name for compromise to find, and it is slow
	const found = /[\s(“"‘'-]\p{Lu}/u.test(text) ? namesIn(text) : { people: [], places: [] };
	cache.set(text, found);
	return found;
}

function namesIn(text: string): NamedMentions {
	const doc = compromise(text);
	const tidy = (list: string[]) =>
		list
			.map((name) =>
				name
					.replace(/[’']s$/u, '')
					.replace(/^[("“'‘]+|[)"”'’.,;:—–-]+$/gu, '')
					.trim()
			)
			.filter((name) => /^\p{Lu}/u.test(name));
	return {
		people: tidy(doc.people().out('array') as string[]),
		places: tidy(doc.places().out('array') as string[])
	};
}

/** "Mr. President", "Senators", "Madam Speaker": a form of address or a title, not someone's name */
const TITLE_WORD = /^(?:Mr|Mrs|Ms|Miss|Dr|Madam|Sir|Senators?|Representatives?|Congressm[ae]n|Presidents?|Speaker|Chairm[ae]n|Chairwoman|Chair|Judges?|Governors?|Secretary|Members?)\.?$/;

/** "Senator Collins" is "Collins"; a title alone names nobody. */
export function nameWithoutTitle(text: string): string | undefined {
	const words = text.split(/\s+/);
	while (words.length > 1 && TITLE_WORD.test(words[0])) words.shift();
	return words.length === 1 && TITLE_WORD.test(words[0]) ? undefined : words.join(' ');
}
