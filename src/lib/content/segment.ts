import { digest } from './hash';
import { splitAndTag, type WinkSentence } from './nlp';
import type { ClassifiedLine, Paragraph, Section, Sentence, SourceInput } from './types';

/** A sentence before analysis, with the library's entity mentions still as plain text. */
export type RawSentence = Omit<Sentence, 'statement' | 'entities' | 'attributions'> & {
	libraryEntities: WinkSentence['entities'];
};

export interface Segmented {
	sections: Section[];
	paragraphs: Paragraph[];
	sentences: RawSentence[];
}

export function slugify(text: string): string {
	return (
		text
			.normalize('NFKD')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 48) || 'section'
	);
}

/**
 * Sections from headings, one paragraph per prose line, sentences from wink-nlp. Sentence ids
 * come from the source id and the sentence's own words, so editing one paragraph leaves every
 * other sentence's anchor (and every citation to it) unchanged.
 */
export function segmentSource(source: SourceInput, lines: readonly ClassifiedLine[]): Segmented {
	const sections: Section[] = [];
	const paragraphs: Paragraph[] = [];
	const sentences: RawSentence[] = [];
	const usedIds = new Map<string, number>();
	let section: Section = { id: 'introduction', title: 'Introduction', level: 1, start: 0, end: 0 };
	let sectionOpen = false;
	const usedSectionIds = new Set<string>();

	const openSection = (title: string, level: number, start: number) => {
		let id = slugify(title);
		for (let n = 2; usedSectionIds.has(id); n++) id = `${slugify(title)}-${n}`;
		usedSectionIds.add(id);
		section = { id, title, level, start, end: start };
		sections.push(section);
		sectionOpen = true;
	};

	for (const line of lines) {
		if (line.kind === 'heading') {
			openSection(line.text, line.level ?? 2, line.start);
			continue;
		}
		if (line.kind !== 'prose') continue;
		if (!sectionOpen) openSection('Introduction', 1, line.start);
		const paragraph: Paragraph = {
			index: paragraphs.length,
			sectionId: section.id,
			start: line.start,
			end: line.end,
			sentenceIds: []
		};
		let cursor = 0;
		// a cleaned line maps each character to its raw offset; a plain one is a slice of the raw text
		const rawAt = (i: number) => (line.map ? line.map[i] : line.start + i);
		// "…who could unify. ..the militant movement": the library splits at an ellipsis or a
		// semicolon inside a quotation; a piece starting with dots, a semicolon or a comma goes back
		// to the sentence before it
		const pieces: { at: number; text: string; entities: WinkSentence['entities'] }[] = [];
		for (const tagged of splitAndTag(line.text)) {
			const text = tagged.text.trim();
			if (!text) continue;
			const at = line.text.indexOf(text, cursor);
			if (at < 0) continue; // the library never rewrites text; a miss would mean a bug, not a sentence
			cursor = at + text.length;
			const previous = pieces.at(-1);
			if (previous && /^(?:\.\.|[;,])/.test(text)) {
				previous.text = line.text.slice(previous.at, at + text.length);
				previous.entities = [...previous.entities, ...tagged.entities];
			} else pieces.push({ at, text, entities: tagged.entities });
		}
		for (const { at, text, entities } of pieces) {
			const base = digest([source.id, text.replace(/\s+/g, ' ')], 10);
			const seen = usedIds.get(base) ?? 0;
			usedIds.set(base, seen + 1);
			const id = seen === 0 ? base : `${base}-${seen + 1}`;
			sentences.push({
				id,
				sourceId: source.id,
				sectionId: section.id,
				sectionTitle: section.title,
				paragraphIndex: paragraph.index,
				index: sentences.length,
				start: rawAt(at),
				end: rawAt(at + text.length - 1) + 1,
				text,
				libraryEntities: entities
			});
			paragraph.sentenceIds.push(id);
		}
		if (paragraph.sentenceIds.length > 0) {
			paragraphs.push(paragraph);
			section.end = line.end;
		}
	}
	return { sections: sections.filter((s) => paragraphs.some((p) => p.sectionId === s.id)), paragraphs, sentences };
}
