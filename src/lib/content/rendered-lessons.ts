import type { QuestionPrompt } from './question-types';

/**
 * What a lesson page shows of its lesson: the objectives it covers, the key terms, each section
 * (its HTML and its check questions, prompts only) and the people and organisations, rendered
 * once per regeneration by the server's lesson cache.
 */
export interface LessonPageParts {
	objectives: { id: string; text: string; sectionId: string }[];
	intro: string;
	sections: { id: string; heading: string; html: string; checks: { id: string; prompt: QuestionPrompt }[] }[];
	outro: string;
}

/**
 * The lesson page reads its parts from here while the server renders it, so they are not
 * serialized as page data on every request (SvelteKit serializes a server load's data even when
 * the page ships no JavaScript: about 0.8 ms for 25 KB of HTML). A client-side navigation gets them
 * in its data request instead, since this map is empty in the browser.
 */
const renderedPages = new Map<string, LessonPageParts>();

export function setRenderedLessonPages(pages: ReadonlyMap<string, LessonPageParts>): void {
	renderedPages.clear();
	for (const [id, p] of pages) renderedPages.set(id, p);
}

export function renderedLessonPage(id: string): LessonPageParts | undefined {
	return renderedPages.get(id);
}

/**
 * A section's HTML with the "More from the sources" disclosure opened when it holds the citation
 * anchor of `sentenceId` (`id="cite-…"`, where "Back to the lesson" lands), so the jump reaches a
 * visible sentence without JavaScript; otherwise the HTML unchanged.
 */
export function openDisclosureHolding(html: string, sentenceId: string): string {
	if (!/^[A-Za-z0-9_-]+$/.test(sentenceId)) return html;
	const anchor = html.indexOf(` id="cite-${sentenceId}"`);
	if (anchor < 0) return html;
	const opening = html.lastIndexOf('<details', anchor);
	if (opening < 0 || html.lastIndexOf('</details>', anchor) > opening) return html;
	const tagEnd = html.indexOf('>', opening);
	if (/\sopen(?:[\s=>]|$)/.test(html.slice(opening, tagEnd))) return html;
	return `${html.slice(0, opening)}<details open${html.slice(opening + '<details'.length)}`;
}
