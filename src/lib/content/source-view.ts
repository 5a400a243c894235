import type { Paragraph, Section } from './types';

/** A source as the source viewer shows it: its cleaned sentences by section and paragraph, with their anchors. */
export interface SourceSections {
	sections: { id: string; title: string; paragraphs: { id: string; sentences: { id: string; text: string }[] }[] }[];
	/** who speaks in a record of a speech ("Mrs. McCaskill"): its label is not a sentence, so the viewer says it */
	speaker?: string;
}

/** Built once when content is generated and stored with the source, so start-up never segments again. */
export function sourceSections(analysed: { sections: readonly Section[]; paragraphs: readonly Paragraph[]; sentences: readonly { id: string; text: string }[]; speech?: { speaker: string } }): SourceSections {
	const text = new Map(analysed.sentences.map((s) => [s.id, s.text]));
	return {
		...(analysed.speech ? { speaker: analysed.speech.speaker } : {}),
		sections: analysed.sections.map((section) => ({
			id: section.id,
			title: section.title,
			paragraphs: analysed.paragraphs
				.filter((p) => p.sectionId === section.id && p.sentenceIds.length > 0)
				.map((p) => ({ id: `p-${p.index}`, sentences: p.sentenceIds.map((id) => ({ id, text: text.get(id) ?? '' })) }))
		}))
	};
}
