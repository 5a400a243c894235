import compromise from 'compromise';

export interface NamedMentions {
	people: string[];
	places: string[];
	organisations: string[];
}

/** People, places and organisations as compromise finds them, trimmed of punctuation and possessives. */
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
		places: tidy(doc.places().out('array') as string[]),
		organisations: tidy(doc.organizations().out('array') as string[])
	};
}
