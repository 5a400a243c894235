import { GENERATOR_VERSION, inputsHashOf } from './version';
import { courseKnowledge, EMPTY_COURSE, type CourseFile } from './course';
import { buildLesson, disputedSpans } from './lessons';
import { planLessons, type SentenceRoute } from './routing';
import { analyseSources } from './pipeline';
import { buildCorpus, generateLessonQuestions } from './questions';
import type { GeneratedQuestion } from './question-types';
import type { AnalysedSource, LessonDocument, SourceInput } from './types';

export { GENERATOR_VERSION, inputsHashOf };

export interface GeneratedContent {
	generatorVersion: string;
	/** digest of the generator version, the course file and every source: unchanged means nothing to regenerate */
	inputsHash: string;
	analysed: AnalysedSource[];
	lessons: LessonDocument[];
	questions: GeneratedQuestion[];
	/** where every prose sentence went: a lesson, or a stated reason for leaving it out */
	routes: SentenceRoute[];
}

/**
 * Sources and the course file in, lessons and questions out: pure and deterministic (no clock, no
 * randomness). The course file is the only place course knowledge comes from.
 */
/** A lesson with fewer questions than this has no quiz: it is a reading lesson. */
export const MIN_QUIZ_QUESTIONS = 3;

export function generate(sources: readonly SourceInput[], course: CourseFile = EMPTY_COURSE): GeneratedContent {
	const { analysed, knowledge } = analyseSources(sources, courseKnowledge(course));
	const disputed = disputedSpans(analysed, knowledge);
	const corpus = buildCorpus(analysed, disputed, knowledge);
	const lessons: LessonDocument[] = [];
	const questions: GeneratedQuestion[] = [];
	const routes: SentenceRoute[] = [];
	planLessons(analysed, knowledge, routes).forEach((plan, index) => {
		const lesson = buildLesson(plan, index + 1, analysed, knowledge);
		// a disagreement found in the text is contested too: no fact question takes a side
		for (const d of lesson.disagreements.filter((x) => x.id.startsWith('auto-')))
			for (const c of d.claims) disputed.set(c.citation.sentenceId, [...(disputed.get(c.citation.sentenceId) ?? []), { start: c.citation.start, end: c.citation.end }]);
		let lessonQuestions = generateLessonQuestions(plan, corpus);
		// a lesson of a source's own with a question or two is read, not quizzed: a one-question quiz
		// tests nothing a learner could pass or fail on, and its score would count as much as a real one
		if (plan.generated && lessonQuestions.length < MIN_QUIZ_QUESTIONS) lessonQuestions = [];
		if (plan.generated) {
			// a generated lesson keeps only objectives its questions actually cover
			const counts = new Map<string, number>();
			for (const q of lessonQuestions) counts.set(q.objectiveId, (counts.get(q.objectiveId) ?? 0) + 1);
			const kept = lesson.objectives.filter((o) => (counts.get(o.id) ?? 0) >= 2);
			const fallback = (kept[0] ?? lesson.objectives[0]).id;
			lesson.objectives = kept.length ? kept : [lesson.objectives[0]];
			lessonQuestions = lessonQuestions.map((q) => (lesson.objectives.some((o) => o.id === q.objectiveId) ? q : { ...q, objectiveId: fallback }));
		}
		lessons.push(lesson);
		questions.push(...lessonQuestions);
	});
	return { generatorVersion: GENERATOR_VERSION, inputsHash: inputsHashOf(sources, course), analysed, lessons, questions, routes };
}

