/**
 * Question generation, stage by stage (each file one stage):
 * corpus (what every stage reads), blanks (which entity of a sentence a fact question asks),
 * distractors (wrong options of the same kind), fact-items (choice, fill-in, numeric, true/false),
 * attribution ("who said it"), ordering (a lesson's own events) and bank (a lesson's questions).
 */
export { BLANK, buildCorpus, type QuestionCorpus } from './questions/corpus';
export { blanksOf } from './questions/blanks';
export { generateLessonQuestions } from './questions/bank';
