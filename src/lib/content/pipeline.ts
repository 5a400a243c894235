import { analyseSentences } from './analyse';
import { classifyLines } from './clean';
import type { CourseKnowledge } from './course';
import { segmentSource } from './segment';
import type { AnalysedSource, SourceInput } from './types';

/** Clean → segment → analyse one source. Pure: the same text and course always give the same result. */
export function analyseSource(source: SourceInput, knowledge: CourseKnowledge): AnalysedSource {
	const lines = classifyLines(source.rawText);
	const { sections, paragraphs, sentences } = segmentSource(source, lines);
	return { source, lines, sections, paragraphs, sentences: analyseSentences(sentences, source.rawText, knowledge) };
}
