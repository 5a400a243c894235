import { error } from '@sveltejs/kit';
import { cachedLesson, cachedSourceView } from '$lib/server/content/lesson-cache';
import { lessonReturnHref } from '$lib/server/content/citation-anchors';
import type { PageServerLoad } from './$types';

// the whole source as text: nothing to hydrate
export const csr = false;

export const load: PageServerLoad = ({ params, url }) => {
	const source = cachedSourceView(params.id);
	if (!source) error(404, 'There is no source with this address. The course page lists every source.');
	// only a sentence of this source can be highlighted; anything else is ignored
	const wanted = url.searchParams.get('s');
	const highlighted = wanted && source.sections.some((s) => s.paragraphs.some((p) => p.sentences.some((x) => x.id === wanted))) ? wanted : null;
	const from = cachedLesson(url.searchParams.get('from') ?? '');
	return {
		source,
		highlighted,
		// back to where the reader was: the citation they followed, when we know it
		backTo: from ? { title: from.title, href: lessonReturnHref(from.id, highlighted) } : null
	};
};
