import { analyseSentences } from './analyse';
import { classifyLines } from './clean';
import type { CourseKnowledge } from './course';
import { discoverEntries } from './discover';
import { findSpeech, isSpeakerLabel } from './speech';
import { segmentSource, type Segmented } from './segment';
import type { AnalysedSource, ClassifiedLine, SourceInput } from './types';

export interface PreparedSource {
	source: SourceInput;
	lines: ClassifiedLine[];
	segmented: Segmented;
}

/** Clean → segment one source. */
export function prepareSource(source: SourceInput): PreparedSource {
	const lines = classifyLines(source.rawText);
	return { source, lines, segmented: segmentSource(source, lines) };
}

/** Analyse a prepared source with what the course (and the texts) know about names. */
export function analysePrepared({ source, lines, segmented }: PreparedSource, knowledge: CourseKnowledge): AnalysedSource {
	const speech = findSpeech(source, segmented.sentences);
	// "Mrs. McCASKILL. Mr. President, …": in one speaker's speech the label says who speaks, not what;
	// it leaves the sentences (the source page names the speaker instead)
	const labels = new Set(speech ? segmented.paragraphs.map((p) => p.sentenceIds[0]).filter((id) => isSpeakerLabel(segmented.sentences.find((s) => s.id === id)?.text ?? '')) : []);
	const sentences = segmented.sentences.filter((s) => !labels.has(s.id));
	const paragraphs = segmented.paragraphs.map((p) => ({ ...p, sentenceIds: p.sentenceIds.filter((id) => !labels.has(id)) }));
	return { source, lines, sections: segmented.sections, paragraphs, sentences: analyseSentences(sentences, source.rawText, knowledge, speech), ...(speech ? { speech } : {}) };
}

/**
 * Clean → segment → find names → analyse every source. The names found in all the texts join the
 * course file's glossary (which wins where both name the same thing).
 */
export function analyseSources(sources: readonly SourceInput[], knowledge: CourseKnowledge): { analysed: AnalysedSource[]; knowledge: CourseKnowledge } {
	const prepared = sources.map(prepareSource);
	const found = discoverEntries(prepared.flatMap((p) => p.segmented.sentences), knowledge);
	const full = knowledge.withEntries(found);
	return { analysed: prepared.map((p) => analysePrepared(p, full)), knowledge: full };
}

/** Clean → segment → analyse one source. Pure: the same text and course always give the same result. */
export function analyseSource(source: SourceInput, knowledge: CourseKnowledge): AnalysedSource {
	return analyseSources([source], knowledge).analysed[0];
}
