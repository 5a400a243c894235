import { joinRanges, stripInline } from './markup';
import type { ClassifiedLine } from './types';

/**
 * Line classification, before any sentence splitting. Real files arrive with front matter, HTML,
 * markdown or wiki markup, hard-wrapped lines and page-break gaps: lines are first joined into the
 * paragraphs they belong to and cleaned of inline markup (every character keeps its raw offset),
 * then classified: page chrome (front matter, browser notices, newsletter prompts, bylines and
 * datelines, mastheads, credits, summary blocks, category and reference lines), image captions and
 * photo credits, headings (wiki, markdown, capitals, or a short line before prose) and prose.
 */

const BROWSER_NOTICE = /\b(is not supported|optimal experience|update your browser|enable javascript)\b/i;
const NEWSLETTER = /\b(sign up for|subscribe to|newsletter|start your day with)\b/i;
const BYLINE = /^\/?\s*(source|by):?\s/i;
const PAGE_FURNITURE = /\b(embedded below|will update if|click here|read more|share this)\b/i;
/** from one of these lines to the end of the page, everything is footer */
const FOOTER_START = /^(comments|masthead\b.*|latest [a-z]+|related( stories)?|advertisement)$/i;
const IMAGE_LINE = /^(image|photo|video|caption)\s*:/i;
const PHOTO_CREDIT = /\b[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)* \/ (AP|Reuters|Getty Images|AFP)( file)?\.?$/;
/** "Manuel Osorio-Arellanes, pictured, has…", "(pictured left)": a photo's caption, not the story */
const PICTURED = /(?:^|[\s,(])pictured(?:[\s,.)]|$)/i;
/** "Late Update:" style labels: dropped, the content after them kept */
const UPDATE_LABEL = /^((?:late |earlier )?update|editor['’]s note|correction)\s*:\s*/i;
/** "CULIACAN, Mexico/WASHINGTON Efforts to…": a news agency's dateline before the first sentence */
const DATELINE = /^[A-Z]{3,}[A-Z.'-]*(?:(?:,\s*|\/|\s+)[A-Z][A-Za-z.'-]*)*?(?:[,/]\s*[A-Z]{3,}[A-Z.'-]*|\s*\((?:Reuters|AP|AFP)\)\s*[-–—]|\s+[-–—])\s+(?=[A-Z][a-z])/;
const WIKI_HEADING = /^(=+)\s*(.+?)\s*\1\s*$/;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const LIST_ITEM = /^(?:[-*•+]|\d{1,2}[.)])\s+/;
const TERMINAL = /[.!?]["”’')\]]*$|:$/;
const LABEL_ONLY = /^[\p{Lu}][\p{L} ]{0,24}:$/u;
const CREDITS = /^\(?\s*(?:reporting|writing|editing|additional reporting|compiled|produced) by\b/i;
const LINK_LINE = /^(?:related|read more|see also|more|watch|listen|source)\s*:/i;
/** sections of an encyclopedia page that are navigation, not content */
const NAVIGATION_SECTIONS = /^(see also|references|external links|further reading|notes|footnotes|bibliography|sources|citations)$/i;

interface RawLine {
	/** trimmed bounds in the raw text */
	start: number;
	end: number;
	text: string;
	indented: boolean;
	blankBefore: number;
	/** a block boundary (an HTML paragraph or line break) comes before it */
	hardBreak: boolean;
}

/** Raw lines (and HTML blocks within a line) with their trimmed offsets. */
function rawLines(raw: string): { lines: RawLine[]; frontMatterEnd: number } {
	const lines: RawLine[] = [];
	let offset = 0;
	let blanks = 0;
	const all = raw.split('\n');
	// front matter: a block fenced by "---" lines at the very top (YAML, Jekyll)
	let frontMatterEnd = -1;
	const firstNonBlank = all.findIndex((l) => l.trim());
	if (firstNonBlank >= 0 && all[firstNonBlank].trim() === '---') {
		const close = all.findIndex((l, i) => i > firstNonBlank && l.trim() === '---');
		if (close > 0 && close - firstNonBlank <= 80) frontMatterEnd = all.slice(0, close + 1).join('\n').length;
	}
	for (const line of all) {
		const lineStart = offset;
		offset += line.length + 1;
		if (!line.trim()) {
			blanks++;
			continue;
		}
		// HTML block tags split a line into paragraphs
		const blockTag = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|table|tr|td|blockquote|section|article)\b[^>]*\/?>/gi;
		const splits = [...line.matchAll(blockTag)].map((m) => ({ at: m.index, length: m[0].length }));
		// "…suicide ]] After the 1963 March…": the end of a broken image caption, then the text resumes
		const close = line.indexOf(']]');
		if (close >= 0 && (line.indexOf('[[') < 0 || line.indexOf('[[') > close)) splits.push({ at: close + 2, length: 0 });
		splits.sort((a, b) => a.at - b.at);
		let from = 0;
		let hard = false;
		const pieces: { from: number; to: number; hard: boolean }[] = [];
		for (const split of splits) {
			pieces.push({ from, to: split.at, hard });
			from = split.at + split.length;
			hard = true;
		}
		pieces.push({ from, to: line.length, hard });
		for (const piece of pieces) {
			const text = line.slice(piece.from, piece.to);
			// nothing but tags ("<span id=…/>") between two blocks
			if (!text.replace(/<[^>]*>/g, '').trim()) continue;
			const lead = text.length - text.trimStart().length;
			const start = lineStart + piece.from + lead;
			const end = lineStart + piece.from + text.trimEnd().length;
			// a block boundary inside a line counts as a blank line before the block
			lines.push({ start, end, text: raw.slice(start, end), indented: piece.from === 0 && lead >= 2, blankBefore: piece.hard ? Math.max(1, blanks) : blanks, hardBreak: piece.hard || lines.length === 0 });
			blanks = 0;
		}
	}
	return { lines, frontMatterEnd };
}

/** The end of a line without trailing markup: "…states**", "…policy.[12]", "…</span>". */
function visibleEnd(text: string): string {
	return text.replace(/(?:\s|\*\*|__|'''|''|_|<\/?[A-Za-z][^>]*>|\[\d{1,3}\]|\\)+$/u, '');
}

function endsOpen(text: string): boolean {
	const end = visibleEnd(text);
	return end.length > 0 && !/[.!?:;]["”’')\]]*$/.test(end) && !/\]\]$/.test(end);
}

const BLOCK_START = /^(?:[-*•+]\s|\d{1,2}[.)]\s|#|=|@|\||>|\/\s|-{3,}|\*\*|(?:image|photo|video|caption|category|source|credit|by)\s*:)/i;

/**
 * Lines that continue the paragraph before them: a hard-wrapped line (the one before runs on
 * without a full stop), or the far side of a page-break gap (a blank stretch, then a lower-case
 * start). A list item's indented lines belong to it.
 */
function continues(previousText: string, line: RawLine, inList: boolean): boolean {
	if (BLOCK_START.test(line.text)) return false;
	if (line.blankBefore > 3) return false;
	const lower = /^[\p{Ll}]/u.test(line.text);
	if (line.blankBefore > 0) return lower && endsOpen(previousText) && previousText.length >= 40;
	if (inList && line.indented) return true;
	if (!endsOpen(previousText)) return false;
	return lower || previousText.length >= 40;
}

interface LogicalLine {
	ranges: { start: number; end: number }[];
	blankBefore: number;
	list: boolean;
}

function logicalLines(lines: readonly RawLine[]): LogicalLine[] {
	const out: LogicalLine[] = [];
	let current: (LogicalLine & { text: string }) | undefined;
	for (const line of lines) {
		if (current && !line.hardBreak && continues(current.text, line, current.list)) {
			current.ranges.push({ start: line.start, end: line.end });
			current.text += ` ${line.text}`;
			continue;
		}
		current = { ranges: [{ start: line.start, end: line.end }], blankBefore: line.blankBefore, list: LIST_ITEM.test(line.text), text: line.text };
		out.push(current);
	}
	return out.map(({ ranges, blankBefore, list }) => ({ ranges, blankBefore, list }));
}

export function classifyLines(raw: string): ClassifiedLine[] {
	const { lines: physical, frontMatterEnd } = rawLines(raw);
	const lines: ClassifiedLine[] = [];
	let inFooter = false;
	let inNavigation = false;
	let previousKind: ClassifiedLine['kind'] | undefined;
	let previousWasImage = false;
	let afterHighlight = false;
	let afterBy = false;
	let sawTitle = false;
	const seenProse = new Set<string>();
	const body = physical.filter((l) => l.start >= frontMatterEnd);
	const front = physical.filter((l) => l.start < frontMatterEnd);
	for (const l of front) lines.push({ kind: 'chrome', start: l.start, end: l.end, text: l.text, reason: 'front matter (page metadata)' });
	const logical = logicalLines(body);
	logical.forEach((logicalLine, index) => {
		const { source, map: sourceMap } = joinRanges(raw, logicalLine.ranges);
		const cleaned = stripInline(source, sourceMap);
		let text = cleaned.text.trim();
		let map = cleaned.map.slice(cleaned.text.indexOf(text), cleaned.text.indexOf(text) + text.length);
		const plainStart = logicalLine.ranges[0].start;
		// a line without markup keeps its raw text exactly, spacing and all
		const verbatim = logicalLine.ranges.length === 1 ? raw.slice(logicalLine.ranges[0].start, logicalLine.ranges[0].end) : undefined;
		const isVerbatim = verbatim !== undefined && verbatim.replace(/\s+/g, ' ') === text;
		if (isVerbatim) {
			text = verbatim;
			map = [];
		}
		if (!text) return;
		const offsetOf = (i: number) => (isVerbatim ? plainStart + i : map[i]);
		const push = (kind: ClassifiedLine['kind'], reason?: string, level?: number, shown = text) => {
			const at = Math.max(0, text.indexOf(shown));
			const start = offsetOf(at);
			const end = offsetOf(at + shown.length - 1) + 1;
			const line: ClassifiedLine = { kind, start, end, text: shown };
			if (reason) line.reason = reason;
			if (level) line.level = level;
			// the offsets of a cleaned text, unless it is a plain slice of the raw text
			if (raw.slice(start, end) !== shown) line.map = (isVerbatim ? [...shown].map((_, i) => plainStart + at + i) : map.slice(at, at + shown.length));
			lines.push(line);
			previousKind = kind;
		};
		const imageBefore = previousWasImage;
		previousWasImage = false;
		const highlightBefore = afterHighlight;
		afterHighlight = false;
		const byBefore = afterBy;
		afterBy = false;
		const words = text.split(/\s+/).length;
		const nextText = logical[index + 1] ? raw.slice(logical[index + 1].ranges[0].start, logical[index + 1].ranges.at(-1)!.end) : '';

		if (inFooter) return push('chrome', 'page footer');
		if (FOOTER_START.test(text)) {
			inFooter = true;
			return push('chrome', 'page footer');
		}
		if (/^@highlight$/i.test(text)) {
			afterHighlight = true;
			return push('chrome', 'summary block marker (@highlight)');
		}
		if (highlightBefore) return push('chrome', 'summary line (@highlight) repeating the article');
		const heading = WIKI_HEADING.exec(text) ?? MARKDOWN_HEADING.exec(text);
		if (heading) {
			const title = heading[2].trim();
			const level = heading[1].length;
			// "## 27e02429…": an identifier, not a heading
			if (!/\p{L}{2,}/u.test(title.replace(/\b[0-9a-f]{12,}\b/g, ''))) return push('chrome', 'identifier');
			inNavigation = NAVIGATION_SECTIONS.test(title);
			if (level === 1) sawTitle = true;
			return push(level === 1 ? 'title' : 'heading', undefined, level, title);
		}
		if (inNavigation) return push('chrome', 'navigation or reference section');
		if (!/\p{L}{2,}/u.test(text) || /^[0-9a-f]{16,}$/i.test(text)) return push('chrome', 'no words (a rule, a separator or an identifier)');
		if (/^category:/i.test(text)) return push('chrome', 'category line');
		if (BROWSER_NOTICE.test(text)) return push('chrome', 'browser notice');
		if (NEWSLETTER.test(text) && words <= 12) return push('chrome', 'newsletter prompt');
		if (/^by$/i.test(text)) {
			afterBy = true;
			return push('chrome', 'byline');
		}
		if ((BYLINE.test(text) && words <= 6) || (byBefore && words <= 6 && !TERMINAL.test(text))) return push('chrome', 'byline');
		if (/^source\.?$/i.test(text)) return push('chrome', 'link to the original');
		if (LABEL_ONLY.test(text) && words <= 3) return push('chrome', 'label (byline or date furniture)');
		if (CREDITS.test(text)) return push('chrome', 'credits');
		if (LINK_LINE.test(text) && words <= 25) return push('chrome', 'link to another page');
		if (IMAGE_LINE.test(text)) {
			previousWasImage = true;
			return push('caption', 'image label');
		}
		if (imageBefore || PHOTO_CREDIT.test(text)) return push('caption', 'image caption or photo credit');
		if (PICTURED.test(text)) return push('caption', 'photo caption ("pictured")');
		if (/\]\]\s*$/.test(text) || /^[^[]*\]\]/.test(text)) return push('caption', 'image caption fragment');
		if (/^the content of this (page|article)/i.test(text)) return push('chrome', 'page furniture');
		if (LIST_ITEM.test(text)) {
			const item = text.replace(LIST_ITEM, '');
			// an item that is a sentence is prose; a bare link or name is a list
			if (TERMINAL.test(visibleEnd(item)) && item.split(/\s+/).length >= 6) {
				if (seenProse.has(item)) return push('chrome', 'repeats an earlier paragraph', undefined, item);
				seenProse.add(item);
				return push('prose', undefined, undefined, item);
			}
			return push('list', 'list item');
		}
		if (PAGE_FURNITURE.test(text)) return push('chrome', 'page furniture');
		const label = UPDATE_LABEL.exec(text);
		let shown = text;
		if (label) shown = text.slice(label[0].length);
		const dateline = DATELINE.exec(shown);
		if (dateline && words > 8 && !/[a-z]/.test(dateline[0].replace(/\b[A-Z][a-z]+\b/g, ''))) shown = shown.slice(dateline[0].length);
		if (!TERMINAL.test(shown)) {
			const nextIsProse = nextText.length > 80 || TERMINAL.test(visibleEnd(nextText));
			// "07:49 EST, 31 October 2012": a time stamp
			if (/\b\d{1,2}:\d\d\b/.test(shown) && words <= 8) return push('chrome', 'date or time stamp');
			// short unpunctuated line: the page title, a heading, or chrome
			if (!sawTitle && previousKind !== 'prose') {
				sawTitle = true;
				return push('title', undefined, 1, shown);
			}
			if (/^['‘"“].+['’"”]$/.test(shown) && words <= 8) return push('heading', undefined, 2, shown.replace(/^['‘"“]|['’"”]$/g, ''));
			// "SHIFT IN POLICY", "History", "**Expanding Investigations**": a short line between paragraphs
			const emphasised = /^(\*\*|__|''').+\1$/.test(raw.slice(logicalLine.ranges[0].start, logicalLine.ranges.at(-1)!.end).trim());
			if (words <= 10 && /^\p{Lu}/u.test(shown) && logicalLine.blankBefore > 0 && nextIsProse && !/\d:\d\d/.test(shown) && (emphasised || shown === shown.toUpperCase() || logicalLine.blankBefore >= 2 || (previousKind === 'prose' && words <= 6))) {
				inNavigation = NAVIGATION_SECTIONS.test(shown);
				return push('heading', undefined, 2, shown.charAt(0) + (shown === shown.toUpperCase() ? shown.slice(1).toLowerCase() : shown.slice(1)));
			}
			if (words < 12) return push('chrome', 'short unpunctuated line');
			// "US Justice Department talking points on the FOIA bill that went nowhere…" between two paragraphs: a caption
			if (words <= 30 && previousKind === 'prose' && logicalLine.blankBefore > 0 && /^[\p{Lu}"“'‘]/u.test(nextText)) return push('caption', 'caption (an unpunctuated line between paragraphs)');
		}
		if (seenProse.has(shown)) return push('chrome', 'repeats an earlier paragraph', undefined, shown);
		seenProse.add(shown);
		return push('prose', undefined, undefined, shown);
	});
	markTeasers(lines);
	return lines.sort((a, b) => a.start - b.start);
}

function wordsOf(text: string): Set<string> {
	return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
}

/**
 * A news page's teaser (dek) repeats the lead in slightly other words ("A U.S. program aimed at…"
 * above "A major Justice Department program aimed at…"): when most of a prose line's words come
 * again in the next prose line, the first one is page chrome, or every fact would be asked twice.
 */
export function markTeasers(lines: ClassifiedLine[]): void {
	const prose = lines.filter((line) => line.kind === 'prose');
	for (let i = 0; i + 1 < prose.length; i++) {
		const teaser = wordsOf(prose[i].text);
		const next = wordsOf(prose[i + 1].text);
		if (teaser.size < 8) continue;
		const shared = [...teaser].filter((w) => next.has(w)).length;
		if (shared / teaser.size >= 0.75) {
			prose[i].kind = 'chrome';
			prose[i].reason = 'teaser repeating the next paragraph';
		}
	}
}

/** The prose lines only: what later stages split into sentences. */
export function proseLines(lines: readonly ClassifiedLine[]): ClassifiedLine[] {
	return lines.filter((line) => line.kind === 'prose');
}
