/**
 * A stem as two parts: the instruction ("Which year completes this statement?") and the statement
 * it applies to. Pages set the instruction apart and the statement as ordinary text, so a long
 * source sentence is not one bold block.
 */
export function splitStem(stem: string): { instruction: string; statement: string } {
	const match = /^(.{8,120}?[?:])\s+(.{20,})$/s.exec(stem);
	if (!match) return { instruction: stem, statement: '' };
	return { instruction: match[1], statement: match[2] };
}

/**
 * The label of a fill-in-the-blank answer box, from the kind of word its stem asks for
 * ("Fill in the blank with a year: …" → "Year for the blank").
 */
export function blankLabel(stem: string): string {
	const hint = /^Fill in the blank with (.+?):/.exec(stem)?.[1]?.trim();
	if (!hint) return 'Word or words for the blank';
	const named = /^the name of (?:a|an) (.+)$/i.exec(hint);
	if (named) return `Name of the ${named[1]} for the blank`;
	const kind = hint.replace(/^(a|an|the)\s+/i, '');
	return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} for the blank`;
}

/** How a question's text is laid out, worked out on the server so the quiz page ships no parsing code. */
export interface PromptText {
	instruction: string;
	statement: string;
	/** the label of a typed answer's box ("Year for the blank", "Your answer (guns)"); '' for choices */
	answerLabel: string;
}

export function promptText(prompt: { type: string; stem: string; unit?: string }): PromptText {
	const answerLabel =
		prompt.type === 'fill_blank' ? blankLabel(prompt.stem) : prompt.type === 'numeric' ? `Your answer${prompt.unit ? ` (${prompt.unit})` : ''}` : '';
	return { ...splitStem(prompt.stem), answerLabel };
}
