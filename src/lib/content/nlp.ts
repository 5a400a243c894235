import winkNLP, { type ItemEntity, type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * wink-nlp behind one small function: it splits sentences (also after closing quotes, where
 * compromise merges sentences) and types numbers, money, percentages and dates. People and places,
 * which wink's lite model does not type, come from compromise in `names.ts`: kept apart so the
 * server, which splits sources into sentences for the source viewer at start-up, loads compromise
 * only when it regenerates content.
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
