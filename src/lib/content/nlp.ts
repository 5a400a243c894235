import winkNLP, { type ItemEntity, type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import compromise from 'compromise';

/**
 * The NLP libraries, behind two small functions. wink-nlp splits sentences (also after closing
 * quotes, where compromise merges sentences) and types numbers, money, percentages and dates;
 * compromise finds people and places, which wink's lite model does not type.
 */

type Wink = ReturnType<typeof winkNLP>;
let wink: Wink | undefined;
function getWink(): Wink {
	wink ??= winkNLP(model);
	return wink;
}

export interface WinkSentence {
	text: string;
	entities: { text: string; type: string }[];
}

export function splitAndTag(paragraph: string): WinkSentence[] {
	const nlp = getWink();
	const its = nlp.its;
	const doc = nlp.readDoc(paragraph);
	const sentences: WinkSentence[] = [];
	doc.sentences().each((sentence: ItemSentence) => {
		const entities: WinkSentence['entities'] = [];
		sentence.entities().each((entity: ItemEntity) => {
			entities.push({ text: entity.out(), type: String(entity.out(its.type)) });
		});
		sentences.push({ text: sentence.out(), entities });
	});
	return sentences;
}

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
