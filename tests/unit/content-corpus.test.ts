import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_COURSE } from '../../src/lib/content/course';
import { generate, MIN_QUIZ_QUESTIONS, type GeneratedContent } from '../../src/lib/content/generate';
import { contentReport, type ContentReport } from '../../src/lib/content/report';
import { answerKeysOf, citedSentencesOf, clashesWithin, drawQuestions, shownTextOf } from '../../src/lib/quiz/draw';
import { readSourceFiles } from '../../src/lib/server/db/sources-sync';
import { toSourceInputs } from '../../src/lib/server/content/store';
import { seedCourse, seedSources } from '../helpers/seed-content';

/**
 * The generator on text it was never written for: the seven development texts of
 * tests/fixtures/corpus (copied as received: front matter, HTML, markdown, wiki markup, footnote
 * markers, hard wraps, bylines, captions, summary blocks), added to the three seeds.
 */
const corpusDir = path.resolve('tests/fixtures/corpus');
const corpus = readSourceFiles(corpusDir);

/** Markup or furniture that must never reach a learner. */
const MARKUP = /\[\d{1,3}\]|\[ad_\d+\]|<\/?[A-Za-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});|\*\*|\[\[|\]\]|\{\{|\}\}|\\['"#*_]|@highlight|(?:^|\s)#{1,6}\s|(?:^|\s)_[A-Za-z]|[A-Za-z.]_(?:\s|$)|(?:^|\s)---(?:\s|$)/i;

let content: GeneratedContent;
let report: ContentReport;
let milliseconds = 0;
beforeAll(() => {
	const started = performance.now();
	content = generate(toSourceInputs([...seedSources, ...corpus]), seedCourse);
	milliseconds = performance.now() - started;
	report = contentReport(content, new Map(corpus.map((f) => [f.id, f.fileName])));
});

function shown(q: GeneratedContent['questions'][number]): string[] {
	const p = q.prompt as { stem: string; statement?: string; claim?: string; options?: { text: string }[]; items?: { text: string }[] };
	return [p.stem, p.statement, p.claim, ...(p.options ?? []).map((o) => o.text), ...(p.items ?? []).map((i) => i.text)].filter((t): t is string => Boolean(t));
}

describe('the development corpus, added to the seeds', () => {
	it('reads all seven texts', () => {
		expect(corpus).toHaveLength(7);
		// recorded, not asserted: speed targets live in npm run bench
		console.log(`corpus: ${content.analysed.length} sources generated in ${Math.round(milliseconds)} ms`);
		expect(content.analysed).toHaveLength(10);
	});

	it('puts at least 70% of each text’s prose sentences in a lesson, and gives every left-out sentence a reason', () => {
		for (const source of report.sources.filter((s) => corpus.some((c) => c.id === s.id))) {
			expect(source.proseSentences, source.id).toBeGreaterThan(10);
			expect(source.sentencesInLessons / source.proseSentences, `${source.id}: ${source.sentencesInLessons}/${source.proseSentences}`).toBeGreaterThanOrEqual(0.7);
			expect(source.sentencesInLessons + source.dropped.length).toBe(source.proseSentences);
			for (const d of source.dropped) expect(d.reason.length, d.sentence).toBeGreaterThan(10);
		}
	});

	it('asks at least one question per five prose sentences of each text', () => {
		for (const source of report.sources.filter((s) => corpus.some((c) => c.id === s.id)))
			expect(source.questions.length, `${source.id}: ${source.questions.length} for ${source.proseSentences}`).toBeGreaterThanOrEqual(source.proseSentences / 5);
	});

	it('makes a lesson with only a question or two a reading lesson, with no quiz', () => {
		for (const lesson of content.lessons) {
			const bank = content.questions.filter((q) => q.lessonId === lesson.id).length;
			expect(bank === 0 || bank >= MIN_QUIZ_QUESTIONS, `${lesson.id}: ${bank}`).toBe(true);
		}
	});

	it('asks a floor statement as its speaker’s quoted words, never changed into a false statement', () => {
		const floor = report.sources.find((s) => s.id === 'congrec-ig-reform-act-2007')!;
		// its label "Mrs. McCASKILL." names the speaker and is not a sentence of the speech
		expect(content.analysed.find((a) => a.source.id === floor.id)!.sentences.some((s) => /^Mrs\. McCASKILL\.$/.test(s.text))).toBe(false);
		expect(floor.questions.length).toBeGreaterThan(0);
		// "Mr. President" and "Senators" address the chamber; they are nobody's name
		for (const lesson of content.lessons) for (const objective of lesson.objectives) expect(objective.text, lesson.id).not.toMatch(/Mr\. President|\bSenators\b/);
		// nor are they, a case, a harbour or a name cut short, among a lesson's people and organisations
		for (const lesson of content.lessons) for (const actor of lesson.actors) expect(actor.name, lesson.id).not.toMatch(/^(?:Mr\. President|Senators)$|\bv\.\s|\bHarbor$|\s\p{Lu}$/u);
		for (const q of floor.questions) {
			expect(q.stem, q.id).toContain('In a floor statement (Congressional Record, U.S. Senate, 8 November 2007), Mrs. McCaskill said: “');
			expect(q.type, q.id).not.toBe('true_false');
			// the quotation is the cited sentence word for word, but for the blank and what square brackets name
			const quoted = /said: “(.*)”$/.exec(q.stem)![1];
			const words = quoted.split(/_____|\[[^\]]*\]/).map((part) => part.trim()).filter(Boolean);
			expect(q.citations.some((c) => words.every((part) => c.text.includes(part))), q.id).toBe(true);
		}
	});

	it('lets no markup, footnote marker or page furniture into a question, a passage, a key figure or a timeline', () => {
		const corpusIds = new Set(corpus.map((c) => c.id));
		for (const q of content.questions) for (const text of shown(q)) expect(text, q.id).not.toMatch(MARKUP);
		for (const lesson of content.lessons) {
			for (const passage of lesson.passages) for (const c of passage.sentences) expect(c.text, lesson.id).not.toMatch(MARKUP);
			for (const f of lesson.figures) {
				expect(`${f.value} ${f.counts}`, lesson.id).not.toMatch(MARKUP);
				// a footnote number is not a figure
				expect(f.citation.text.includes(`[${f.value}]`), f.value).toBe(false);
			}
			for (const e of lesson.timeline) expect(e.text, lesson.id).not.toMatch(MARKUP);
			for (const p of lesson.perspectives) expect(p.claim, lesson.id).not.toMatch(MARKUP);
		}
		// every sentence of a corpus text: its cited span in the raw file holds the same words
		for (const a of content.analysed.filter((x) => corpusIds.has(x.source.id))) {
			for (const s of a.sentences) {
				expect(s.text).not.toMatch(MARKUP);
				const letters = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');
				const raw = letters(a.source.rawText.slice(s.start, s.end));
				const firstWord = letters(s.text.split(/\s+/)[0]);
				const lastWord = letters(s.text.split(/\s+/).at(-1)!);
				expect(raw.includes(firstWord) && raw.includes(lastWord), s.text).toBe(true);
			}
		}
	});

	it('orders only a lesson’s own events, and finds a disagreement between two sources on one count', () => {
		const lessonOf = new Map(content.routes.map((r) => [r.sentenceId, r.lessonId]));
		const orderings = content.questions.filter((q) => q.type === 'ordering');
		expect(orderings.length).toBeGreaterThanOrEqual(2);
		for (const q of orderings) for (const c of q.citations) expect(lessonOf.get(c.sentenceId), q.id).toBe(q.lessonId);
		// "at least 1,856 guns were allowed to walk" (encyclopedia) against "more than 2,000 weapons" (MailOnline)
		const found = content.lessons.flatMap((l) => l.disagreements.filter((d) => d.id.startsWith('auto-')));
		const guns = found.find((d) => d.claims.some((c) => c.citation.text.includes('1,856')) && d.claims.some((c) => c.citation.text.includes('2,000')));
		expect(guns, JSON.stringify(found.map((d) => d.title))).toBeDefined();
		// and no fact question takes a side on it
		for (const q of content.questions) if (q.citations.some((c) => guns!.claims.some((x) => x.citation.sentenceId === c.sentenceId))) expect(q.type, q.id).toBe('attribution');
	});

	it('keeps headings as sections, not as sentences', () => {
		const cointelpro = content.analysed.find((a) => a.source.id === 'wiki-cointelpro')!;
		expect(cointelpro.sections.map((s) => s.title)).toEqual(expect.arrayContaining(['History', 'Program exposure']));
		const whitehouse = content.analysed.find((a) => a.source.id === 'whitehouse-factsheet-2023')!;
		expect(whitehouse.sections.map((s) => s.title)).toContain('Deepening Collaboration with Mexico');
		expect(whitehouse.sentences.some((s) => /Deepening Collaboration/.test(s.text))).toBe(false);
	});
});

describe('a course with no hand-written knowledge', () => {
	it('makes a coherent lesson and a quiz from one off-topic text and an empty course file', () => {
		const text = corpus.find((c) => c.id === 'wiki-alien-sedition-acts')!;
		const own = generate(toSourceInputs([text]), EMPTY_COURSE);
		expect(own.lessons).toHaveLength(1);
		const [lesson] = own.lessons;
		expect(lesson.title).toBe(text.title);
		expect(lesson.objectives.length).toBeGreaterThanOrEqual(1);
		expect(lesson.passages.length).toBeGreaterThan(0);
		expect(lesson.timeline.length).toBeGreaterThanOrEqual(3);
		// the actors are people and bodies of the text, each once
		const names = lesson.actors.map((a) => a.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toEqual(expect.arrayContaining(['Thomas Jefferson']));
		const questions = own.questions;
		expect(questions.length).toBeGreaterThanOrEqual(12);
		expect(new Set(questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
		for (const objective of lesson.objectives) expect(questions.some((q) => q.objectiveId === objective.id), objective.id).toBe(true);
		for (const q of questions) for (const t of shown(q)) expect(t).not.toMatch(MARKUP);
	});

	it('makes ordering questions a quiz can draw: none clashes with another question of its lesson', () => {
		for (const id of ['wiki-alien-sedition-acts', 'wiki-cointelpro']) {
			const own = generate(toSourceInputs([corpus.find((c) => c.id === id)!]), EMPTY_COURSE);
			const bank = own.questions.map((q) => ({ ...q, citedSentences: citedSentencesOf(q.citations), answerKeys: answerKeysOf(q.prompt, q.answer), ...shownTextOf(q.prompt) }));
			const clashes = clashesWithin(bank);
			const orderings = bank.filter((q) => q.type === 'ordering');
			expect(orderings.length, id).toBeGreaterThanOrEqual(1);
			for (const o of orderings) for (const q of bank) if (q !== o && q.type !== 'ordering') expect(clashes(o, q), `${id}: ${o.id} against ${q.id}`).toBe(false);
			// and a quiz does draw one
			expect(drawQuestions(bank, 12345).some((q) => q.type === 'ordering'), id).toBe(true);
		}
	});

});
