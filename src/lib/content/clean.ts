import type { ClassifiedLine } from './types';

/**
 * Line classification, before any sentence splitting: page chrome (browser notices, newsletter
 * prompts, bylines, mastheads, comment furniture), image captions and photo credits, headings and
 * short unpunctuated lines are not prose. Offsets always point back into the raw text.
 */

const BROWSER_NOTICE = /\b(is not supported|optimal experience|update your browser|enable javascript)\b/i;
const NEWSLETTER = /\b(sign up for|subscribe to|newsletter|start your day with)\b/i;
const BYLINE = /^\/?\s*(source|by):?\s/i;
const PAGE_FURNITURE = /\b(embedded below|will update if|click here|read more|share this)\b/i;
/** from one of these lines to the end of the page, everything is footer */
const FOOTER_START = /^(comments|masthead\b.*|latest [a-z]+|related( stories)?|advertisement)$/i;
const IMAGE_LINE = /^(image|photo|video|caption)\s*:/i;
const PHOTO_CREDIT = /\b[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)* \/ (AP|Reuters|Getty Images|AFP)( file)?\.?$/;
/** "Late Update:" style labels: dropped, the content after them kept */
const UPDATE_LABEL = /^((?:late |earlier )?update|editor['’]s note|correction)\s*:\s*/i;
const WIKI_HEADING = /^(=+)\s*(.+?)\s*\1\s*$/;
const LIST_ITEM = /^[-*•]\s+/;
const TERMINAL = /[.!?]["”’')\]]*$|:$/;
/** sections of an encyclopedia page that are navigation, not content */
const NAVIGATION_SECTIONS = /^(see also|references|external links|further reading|notes)$/i;

export function classifyLines(raw: string): ClassifiedLine[] {
	const lines: ClassifiedLine[] = [];
	let offset = 0;
	let inFooter = false;
	let inNavigation = false;
	let previousKind: ClassifiedLine['kind'] | undefined;
	let previousWasImage = false;
	let sawTitle = false;
	for (const rawLine of raw.split('\n')) {
		const lineStart = offset;
		offset += rawLine.length + 1;
		const leading = rawLine.length - rawLine.trimStart().length;
		let text = rawLine.trim();
		if (!text) continue;
		let start = lineStart + leading;
		const push = (kind: ClassifiedLine['kind'], reason?: string, level?: number, shown = text) => {
			const at = raw.indexOf(shown, start);
			const line: ClassifiedLine = { kind, start: at, end: at + shown.length, text: shown };
			if (reason) line.reason = reason;
			if (level) line.level = level;
			lines.push(line);
			previousKind = kind;
		};
		const imageBefore = previousWasImage;
		previousWasImage = false;

		if (inFooter) {
			push('chrome', 'page footer');
			continue;
		}
		if (FOOTER_START.test(text)) {
			inFooter = true;
			push('chrome', 'page footer');
			continue;
		}
		const heading = WIKI_HEADING.exec(text);
		if (heading) {
			const level = heading[1].length;
			inNavigation = NAVIGATION_SECTIONS.test(heading[2]);
			if (level === 1) sawTitle = true;
			push(level === 1 ? 'title' : 'heading', undefined, level, heading[2]);
			continue;
		}
		if (inNavigation) {
			push('chrome', 'navigation section');
			continue;
		}
		if (BROWSER_NOTICE.test(text)) {
			push('chrome', 'browser notice');
			continue;
		}
		if (NEWSLETTER.test(text) && text.split(/\s+/).length <= 12) {
			push('chrome', 'newsletter prompt');
			continue;
		}
		if (BYLINE.test(text) && text.split(/\s+/).length <= 6) {
			push('chrome', 'byline');
			continue;
		}
		if (IMAGE_LINE.test(text)) {
			previousWasImage = true;
			push('caption', 'image label');
			continue;
		}
		if (imageBefore || PHOTO_CREDIT.test(text)) {
			push('caption', 'image caption or photo credit');
			continue;
		}
		if (LIST_ITEM.test(text)) {
			push('list', 'list item');
			continue;
		}
		if (PAGE_FURNITURE.test(text)) {
			push('chrome', 'page furniture');
			continue;
		}
		const label = UPDATE_LABEL.exec(text);
		if (label) {
			// keep the content, drop the label: offsets move past it
			start += label[0].length;
			text = text.slice(label[0].length);
		}
		if (!TERMINAL.test(text)) {
			// short unpunctuated line: the page title, a quoted subheading, or chrome
			if (!sawTitle && previousKind !== 'prose') {
				sawTitle = true;
				push('title', undefined, 1);
			} else if (/^['‘"“].+['’"”]$/.test(text) && text.split(/\s+/).length <= 8) {
				push('heading', undefined, 2, text.replace(/^['‘"“]|['’"”]$/g, ''));
			} else if (text.split(/\s+/).length < 12) {
				push('chrome', 'short unpunctuated line');
			} else {
				push('prose');
			}
			continue;
		}
		push('prose');
	}
	markTeasers(lines);
	return lines;
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
