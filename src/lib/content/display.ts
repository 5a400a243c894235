/**
 * How source text and source metadata are shown to readers. The raw text and sources.json stay as
 * they are; these only tidy the display (offsets into the raw text are unaffected).
 */

/** "intelligence , according to …  NBC News." → "intelligence, according to … NBC News." */
export function displayText(text: string): string {
	return text
		.replace(/[\s\u00a0]+/g, ' ')
		.replace(/ ([,.;:!?])(?=\s|$)/g, '$1')
		.trim();
}

/**
 * The publisher's name for lists and citations: sources.json may add a note in brackets
 * ("Wikipedia (encyclopedia-style article, wiki markup headings …)"), which is not part of the name.
 */
export function shortPublisher(publisher: string): string {
	const name = publisher.replace(/\s*\(.*\)\s*$/s, '').trim();
	return name || publisher.trim();
}

/** A metadata field split into its value and the cataloguer's note about it, if any. */
export interface NotedValue {
	value: string;
	note?: string;
}

/**
 * "unknown (mentions events up to 2014)" → value "Unknown", note "mentions events up to 2014";
 * "2010 (before that year's midterm elections, per the text)" → value "2010", note "before …".
 */
export function splitNote(field: string): NotedValue {
	const match = /^(.*?)\s*\((.+)\)\s*$/s.exec(field.trim());
	if (!match || !match[1]) return { value: capitalised(field.trim()) };
	return { value: capitalised(match[1]), note: capitalised(match[2]) };
}

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Quotation marks inside a quotation become single ones: “saying it was only a ‘working draft.’” */
export function asInnerQuotation(text: string): string {
	return text
		.replace(/“/g, '‘')
		.replace(/”/g, '’')
		.replace(/"([^"]*)"/g, '‘$1’');
}
