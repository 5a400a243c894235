/**
 * Inline markup removal that keeps every character's offset into the raw text: HTML tags and
 * entities, footnote markers ("[18]"), advert tags ("[ad_1]"), markdown and wiki emphasis and
 * links, backslash escapes and "---" dashes. What is left is the text a reader sees; `map[i]` is
 * the raw offset of `text[i]`, so a citation of cleaned text still highlights the original.
 */
export interface Mapped {
	text: string;
	map: number[];
}

const ENTITIES: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
	lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', eacute: 'é', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ'
};

function decodeEntity(body: string): string | undefined {
	if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
	if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
	return ENTITIES[body.toLowerCase()];
}

/** Footnote and editorial markers that are never words: [12], [a], [citation needed], [ad_1]. */
export const FOOTNOTE = /\[(?:\d{1,3}|[a-z]|note \d+|nb \d+|citation needed|clarification needed|verification needed|when\?|who\?|which\?|by whom\?|according to whom\?|dubious[^\]]*|ad_\d+)\]/gi;

/**
 * One alternation over everything inline: each alternative's replacement is computed from the
 * match; text between matches is copied with its offsets.
 */
const INLINE = new RegExp(
	[
		/(?<tag><\/?[A-Za-z!][^<>]*>)/.source,
		/(?<entity>&(?:#\d{1,6}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});)/.source,
		/(?<footnote>\[(?:\d{1,3}|[a-z]|note \d+|nb \d+|citation needed|clarification needed|verification needed|when\?|who\?|which\?|by whom\?|according to whom\?|dubious[^\]]*|ad_\d+)\])/.source,
		// [text](url): the text stays
		/(?<mdlink>\[(?<linktext>[^\][]{1,200})\]\((?:https?:|\/|www\.)[^)\s]*\))/.source,
		// [[target|label]] or [[label]]: the label stays
		/(?<wikilink>\[\[(?:[^\]|]*\|)?(?<wikilabel>[^\]]*)\]\])/.source,
		/(?<template>\{\{[^{}]*\}\})/.source,
		/(?<escape>\\(?=[\\'"#*_`[\](){}<>|-]))/.source,
		/(?<emphasis>\*\*|'''|''|`)/.source,
		// _italic_: an underscore that opens or closes a word
		/(?<underscore>(?<![\p{L}\p{N}_])_(?=[\p{L}\p{N}'"“‘])|(?<=[\p{L}\p{N}.,!?'"”’])_(?![\p{L}\p{N}_]))/u.source,
		/(?<dash>\s?---?\s?(?=\S))/.source,
		/(?<invisible>[\u200b-\u200d\u2060\u00ad\ufeff])/.source,
		/(?<space>[\s\u00a0]+)/.source
	].join('|'),
	'gu'
);

/** Removes inline markup from `source` (whose characters sit at raw offsets `sourceMap`). */
export function stripInline(source: string, sourceMap: readonly number[]): Mapped {
	let text = '';
	const map: number[] = [];
	let cursor = 0;
	const copy = (from: number, to: number) => {
		for (let i = from; i < to; i++) {
			text += source[i];
			map.push(sourceMap[i]);
		}
	};
	const emit = (value: string, at: number) => {
		for (const ch of value) {
			text += ch;
			map.push(sourceMap[at]);
		}
	};
	for (const match of source.matchAll(INLINE)) {
		const at = match.index;
		const g = match.groups!;
		copy(cursor, at);
		cursor = at + match[0].length;
		if (g.entity) {
			const decoded = decodeEntity(g.entity.slice(1, -1));
			if (decoded === undefined) copy(at, cursor);
			else emit(decoded === ' ' ? ' ' : decoded, at);
		} else if (g.mdlink !== undefined) {
			// "Firearms in Commerce (atf.gov)": the site's name in brackets is not part of the title
			const label = g.linktext.replace(/\s*\((?:[\w-]+\.)+[a-z]{2,}\)\s*$/, '');
			const inner = stripInline(label, sourceMap.slice(at + 1, at + 1 + label.length));
			text += inner.text;
			map.push(...inner.map);
		} else if (g.wikilink !== undefined) {
			const offset = at + g.wikilink.length - 2 - g.wikilabel.length;
			const inner = stripInline(g.wikilabel, sourceMap.slice(offset, offset + g.wikilabel.length));
			text += inner.text;
			map.push(...inner.map);
		} else if (g.dash !== undefined) {
			// "reform --- the seventh": a typed dash becomes a dash; a lone "-" or "--" word joiner stays
			if (/---|\s--\s|\w--\w/.test(match[0]) || /^\s?--\s?$/.test(match[0])) emit(match[0].startsWith(' ') ? ' — ' : '—', at);
			else copy(at, cursor);
		} else if (g.space !== undefined) {
			if (text && !text.endsWith(' ')) emit(' ', at);
		} else if (g.tag !== undefined) {
			// a tag between two words keeps them apart
			if (text && !text.endsWith(' ') && /^[\p{L}\p{N}]/u.test(source.slice(cursor))) emit(' ', at);
		}
		// footnotes, templates, escapes, emphasis, underscores and invisible characters leave nothing
	}
	copy(cursor, source.length);
	// a marker removed before punctuation leaves "word ," behind
	let out = '';
	const outMap: number[] = [];
	for (let i = 0; i < text.length; i++) {
		if (text[i] === ' ' && (i === 0 || i === text.length - 1 || text[i + 1] === ' ' || (/[,.;:!?)\]]/.test(text[i + 1] ?? '') && /[\p{L}\p{N}"”’)]/u.test(text[i - 1] ?? '') && wasMarkup(text, map, i)))) continue;
		out += text[i];
		outMap.push(map[i]);
	}
	return { text: out, map: outMap };
}

/** A space before punctuation that came from removed markup, not from the writer. */
function wasMarkup(text: string, map: readonly number[], at: number): boolean {
	return map[at + 1] - map[at - 1] > 2;
}

/** A stretch of the raw text as one string, lines joined by spaces, with its offsets. */
export function joinRanges(raw: string, ranges: readonly { start: number; end: number }[]): { source: string; map: number[] } {
	let source = '';
	const map: number[] = [];
	ranges.forEach((range, i) => {
		if (i > 0) {
			source += ' ';
			map.push(Math.max(0, range.start - 1));
		}
		for (let at = range.start; at < range.end; at++) {
			source += raw[at];
			map.push(at);
		}
	});
	return { source, map };
}
