import compromise from 'compromise';

export interface NamedMentions {
	people: string[];
	places: string[];
}

/** People and places as compromise finds them (its organisations are left out: slow, and the rule layer finds them), trimmed of punctuation and possessives. */
export function findNames(text: string): NamedMentions {
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
