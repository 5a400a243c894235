/**
 * Gives the rendered lesson's citation links a place to come back to: the first link to each
 * sentence gets `id="cite-<sentence>"`, and every link names its sentence in the query (`&s=`), so
 * the source viewer highlights it and its "Back to the lesson" returns to that spot instead of the
 * top of the lesson. Works on the HTML rendered once per regeneration, whatever component drew the link;
 * a page rendered in parts passes one `anchored` set through them all, so an id is given once.
 */
export function anchorCitations(html: string, anchored = new Set<string>()): string {
	return html.replace(
		/<a ((?:(?!href=)[^>])*)href="(\/sources\/[^"?#]+)\?from=([^"&#]+)#s-([A-Za-z0-9_-]+)"/g,
		(_whole, before: string, path: string, from: string, sentence: string) => {
			const id = anchored.has(sentence) ? '' : ` id="cite-${sentence}"`;
			anchored.add(sentence);
			return `<a ${before}href="${path}?from=${from}&amp;s=${sentence}#s-${sentence}"${id}`;
		}
	);
}

/**
 * Where a source viewer's "Back to the lesson" goes for a highlighted sentence: its citation anchor,
 * with the sentence named in the query too, so the lesson page opens the "More from the sources"
 * disclosure holding it (the fragment never reaches the server).
 */
export function lessonReturnHref(lessonId: string, sentenceId: string | null): string {
	const lesson = `/lessons/${encodeURIComponent(lessonId)}`;
	return sentenceId ? `${lesson}?at=${encodeURIComponent(sentenceId)}#${citationAnchor(sentenceId)}` : lesson;
}

/** The lesson anchor a source viewer's "Back to the lesson" returns to, for a highlighted sentence. */
export function citationAnchor(sentenceId: string): string {
	return `cite-${sentenceId}`;
}
