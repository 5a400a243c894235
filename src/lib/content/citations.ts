import type { Citation } from './question-types';
import type { AnalysedSource, Sentence } from './types';

export function citeSentence(sentence: Sentence): Citation {
	return { sourceId: sentence.sourceId, sentenceId: sentence.id, start: sentence.start, end: sentence.end, text: sentence.text };
}

/** A span inside one sentence (an exact quote), or undefined when the quote is not in the source. */
export function citeQuote(analysed: AnalysedSource, quote: string): Citation | undefined {
	const at = analysed.source.rawText.indexOf(quote);
	if (at < 0) return undefined;
	const sentence = analysed.sentences.find((s) => s.start <= at && at < s.end);
	if (!sentence) return undefined;
	return { sourceId: sentence.sourceId, sentenceId: sentence.id, start: at, end: at + quote.length, text: quote };
}
