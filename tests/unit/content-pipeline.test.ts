import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseNumber } from '../../src/lib/content/numbers';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/lib/server/db/sources-sync';
import { classifyLines } from '../../src/lib/content/clean';
import { analyseSource } from '../../src/lib/content/pipeline';
import { generate, type GeneratedContent } from '../../src/lib/content/generate';
import { normaliseAnswer } from '../../src/lib/content/normalise';
import { seedContent, seedCourse, seedKnowledge, seedSources } from '../helpers/seed-content';
import { containsNormalised } from '../../src/lib/content/question-filters';
import type { GeneratedQuestion } from '../../src/lib/content/question-types';

const sources = seedSources;
const GLOSSARY = seedKnowledge.glossary;
const aliasesOf = (id: string) => seedKnowledge.aliasesOf(id);
const byId = new Map(sources.map((s) => [s.id, s]));
let content: GeneratedContent;

beforeAll(() => {
	content = seedContent();
});

/** The text a question says is correct, as a learner would write it. */
function correctText(q: GeneratedQuestion): string[] {
	const { prompt, answer } = q;
	if (answer.type === 'multiple_choice' && prompt.type === 'multiple_choice') return [prompt.options.find((o) => o.id === answer.correctOptionId)!.text];
	if (answer.type === 'fill_blank') return [answer.accepted[0]];
	if (answer.type === 'numeric') return [String(answer.value)];
	if (answer.type === 'attribution' && prompt.type === 'attribution') return [prompt.options.find((o) => o.id === answer.correctOptionId)!.text];
	return [];
}

describe('cleaning classifies lines before any sentence splitting', () => {
	it('drops browser notices, captions, credits and bylines from the NBC page', () => {
		const raw = byId.get('nbc-gunrunner-misfires')!.rawText;
		const lines = classifyLines(raw);
		const kindOf = (start: string) => lines.find((l) => l.text.startsWith(start))?.kind;
		expect(kindOf('IE 11 is not supported')).toBe('chrome');
		expect(kindOf('Image: Arms captured')).toBe('caption');
		expect(kindOf('A masked\u00a0soldier stands guard')).toBe('caption');
		expect(kindOf('/ Source: NBC News')).toBe('chrome');
		expect(kindOf('Significant weaknesses')).toBe('heading');
		expect(kindOf('A major Justice Department program')).toBe('prose');
	});

	it('drops newsletter prompts and the masthead but keeps a "Late Update" line\'s content', () => {
		const raw = byId.get('tpm-atf-flubbing')!.rawText;
		const lines = classifyLines(raw);
		expect(lines.find((l) => l.text.startsWith('Sign up for'))?.kind).toBe('chrome');
		expect(lines.filter((l) => /Editor|Masthead|Comments|Publisher:/.test(l.text)).every((l) => l.kind === 'chrome')).toBe(true);
		expect(lines.find((l) => l.text === 'OIG Report')?.kind).toBe('chrome');
		const update = lines.find((l) => l.text.startsWith('Spokesman Drew Wade'));
		expect(update?.kind).toBe('prose');
		for (const line of lines) expect(raw.slice(line.start, line.end)).toBe(line.text);
	});

	it('classifies wiki headings and navigation lists', () => {
		const lines = classifyLines('= Title =\n\nText here is prose.\n==See also==\n- Other page\n');
		expect(lines.map((l) => l.kind)).toEqual(['title', 'prose', 'heading', 'chrome']);
	});
});

describe('segmenting and analysing', () => {
	const encyclopedia = () => analyseSource(byId.get('encyclopedia-project-gunrunner')!, seedKnowledge);

	it('keeps abbreviations, money and quoted speech inside one sentence, with exact offsets', () => {
		const analysed = encyclopedia();
		const raw = analysed.source.rawText;
		for (const s of analysed.sentences) expect(raw.slice(s.start, s.end)).toBe(s.text);
		expect(analysed.sentences.some((s) => s.text.startsWith('Project Gunrunner is a project of the U.S. Bureau of Alcohol') && s.text.endsWith('of weapons.'))).toBe(true);
		expect(analysed.sentences.some((s) => s.text.startsWith('$10 million of the money'))).toBe(true);
		const tpm = analyseSource(byId.get('tpm-atf-flubbing')!, seedKnowledge);
		expect(tpm.sentences.some((s) => s.text.startsWith('“Just like with an investigation') && s.text.endsWith('he said.'))).toBe(true);
	});

	it('finds fiscal years, year ranges, money, approximate counts and acronym definitions', () => {
		const entities = encyclopedia().sentences.flatMap((s) => s.entities);
		const find = (type: string, text: string) => entities.find((e) => e.type === type && e.text === text);
		expect(find('fiscal_year', 'FY 2009')?.year).toBe(2009);
		expect(find('fiscal_year', 'FY 2005-07')?.year).toBe(2005);
		expect(find('year_range', '2006–2007')).toBeDefined();
		expect(find('money', '$40 million')?.value).toBe(40_000_000);
		expect(find('cardinal', '1,856')?.value).toBe(1856);
		expect(find('cardinal', 'approximately 650')?.approximate).toBe(true);
		expect(find('date', '6 December 2006')).toMatchObject({ year: 2006, month: 12, day: 6 });
		expect(entities.find((e) => e.text === 'CIARA' || e.text.includes('(CIARA)'))?.type).toBe('organisation');
	});

	it('attributes claims to named people or bodies, never to a pronoun', () => {
		const all = sources.flatMap((s) => analyseSource(s, seedKnowledge).sentences);
		const attributions = all.flatMap((s) => s.attributions.map((a) => ({ ...a, text: s.text })));
		expect(attributions.length).toBeGreaterThan(15);
		for (const a of attributions) expect(a.speaker).not.toMatch(/^(it|he|she|they|the official)$/i);
		expect(attributions.find((a) => a.text.startsWith('The gun-rights group'))?.speakerId).toBe('goa');
		expect(attributions.find((a) => a.text.startsWith('“Just like with an investigation'))?.speakerId).toBe('wade');
		expect(attributions.find((a) => a.text.includes('the report states.'))?.speakerId).toBe('oig');
		// "it said" names nobody: no attribution
		expect(all.find((s) => s.text.endsWith('it said.'))?.attributions).toEqual([]);
	});
});

describe('generated content: quality bars', () => {
	it('grounds every question: cited spans exist at their offsets and contain the answer', () => {
		expect(content.questions.length).toBeGreaterThan(60);
		for (const q of content.questions) {
			expect(q.citations.length).toBeGreaterThan(0);
			for (const c of q.citations) expect(byId.get(c.sourceId)!.rawText.slice(c.start, c.end)).toBe(c.text);
			const cited = q.citations.map((c) => c.text).join(' ');
			for (const answer of correctText(q)) {
				if (q.type === 'attribution' && q.prompt.type === 'attribution' && q.prompt.stem.startsWith('Which source')) {
					expect(answer).toContain(byId.get(q.citations[0].sourceId)!.title);
					continue;
				}
				const entry = GLOSSARY.find((g) => g.name === answer || g.name === answer.charAt(0).toLowerCase() + answer.slice(1) || g.aliases.includes(answer));
				const forms = entry ? aliasesOf(entry.id) : [answer];
				// "thirty-one" is the number 31
				const inWords = q.answer.type === 'numeric' && (cited.match(/\b[a-z]+(?:-[a-z]+)?\b/gi) ?? []).some((word) => parseNumber(word) === Number(answer));
				expect(inWords || forms.some((f) => containsNormalised(cited, f)), `${q.id}: "${answer}" not in ${cited}`).toBe(true);
			}
			expect(q.explanation).toContain(q.citations.at(-1)!.text);
		}
	});

	it('never offers a distractor equal to the answer, and every option set has four distinct options', () => {
		for (const q of content.questions) {
			if (q.prompt.type !== 'multiple_choice' && !(q.prompt.type === 'attribution' && !q.prompt.stem.startsWith('Which source'))) continue;
			const texts = q.prompt.options.map((o) => normaliseAnswer(o.text));
			expect(new Set(texts).size, q.id).toBe(texts.length);
			expect(texts.length).toBe(4);
		}
	});

	it('covers every lesson with at least 12 questions of at least 4 types, and every objective, nearly all with at least 2', () => {
		expect(content.lessons.length).toBeGreaterThanOrEqual(5);
		const thin: string[] = [];
		for (const lesson of content.lessons) {
			const questions = content.questions.filter((q) => q.lessonId === lesson.id);
			expect(questions.length, lesson.id).toBeGreaterThanOrEqual(12);
			expect(new Set(questions.map((q) => q.type)).size, lesson.id).toBeGreaterThanOrEqual(4);
			for (const objective of lesson.objectives) {
				const count = questions.filter((q) => q.objectiveId === objective.id).length;
				expect(count, `${lesson.id}/${objective.id}`).toBeGreaterThanOrEqual(1);
				if (count < 2) thin.push(`${lesson.id}/${objective.id}`);
			}
		}
		// the origins lesson's goal is mostly stated with the ATF, which the lesson names too often to ask;
		// the director's sentences speak of "the administration" and "the nomination", which a stem cannot leave unsaid
		expect(thin).toEqual(['origins/goal', 'politics/director']);
	});

	it('balances true/false keys and asks no "which source reports this" publication trivia', () => {
		const tf = content.questions.flatMap((q) => (q.answer.type === 'true_false' ? [q.answer.correct] : []));
		expect(tf.length).toBeGreaterThanOrEqual(4);
		const trueShare = tf.filter(Boolean).length / tf.length;
		expect(trueShare).toBeGreaterThan(0.35);
		expect(trueShare).toBeLessThan(0.65);
		const whichSource = content.questions.filter((q) => q.prompt.type === 'attribution' && q.prompt.stem.startsWith('Which source'));
		expect(whichSource).toEqual([]);
	});

	it('asks no fact question whose answer is a disputed claim, and states no disputed claim as true or false', () => {
		const spans = content.lessons.flatMap((l) => l.disagreements.flatMap((d) => d.claims.map((c) => c.citation)));
		expect(spans.length).toBeGreaterThan(10);
		for (const q of content.questions) {
			if (q.type === 'attribution') continue;
			for (const c of q.citations) {
				const contested = spans.filter((span) => span.sentenceId === c.sentenceId);
				if (contested.length === 0) continue;
				expect(q.type, q.id).not.toBe('true_false');
				for (const answer of correctText(q))
					for (const span of contested) expect(containsNormalised(span.text, answer), `${q.id} answers from "${span.text}"`).toBe(false);
			}
		}
	});

	it('shows timelines, key figures, people and "the sources disagree" callouts with both sides', () => {
		const gunwalking = content.lessons.find((l) => l.id === 'gunwalking')!;
		expect(gunwalking.timeline.length).toBeGreaterThanOrEqual(3);
		expect(gunwalking.figures.some((f) => f.value === '1,856')).toBe(true);
		expect(gunwalking.actors.some((a) => a.name === 'Brian Terry')).toBe(true);
		const recovered = gunwalking.disagreements.find((d) => d.id === 'recovered-guns')!;
		expect(recovered.claims.map((c) => c.citation.text)).toEqual([
			'total of 372 Fast and Furious firearms were recovered in the United States',
			'recovered nearly 270 at crime scenes in the U.S.'
		]);
		const ig = content.lessons.find((l) => l.id === 'inspector-general')!;
		expect(ig.perspectives.some((p) => p.speakerId === 'oig')).toBe(true);
	});
});

describe('generality: a new source needs no code change', () => {
	it('feeds matching lessons and gets a lesson of its own when it matches no topic', () => {
		// the two new texts alone, with the seed course file: the outline's topics still apply
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-sources-'));
		fs.writeFileSync(
			path.join(dir, 'river.txt'),
			[
				'Harbor Bridge Renewal',
				'',
				'The Harbor Bridge Renewal is a project of the Lakeside County Transit Authority (LCTA) to rebuild the old harbor crossing.',
				'In 2015, the county council approved the plan after a public hearing in Portsmouth.',
				'The council provided $45 million for the first stage of the work.',
				'According to engineer Maria Lopez, the old deck carried 18,000 vehicles a day.',
				'In 2018, the Lakeside County Transit Authority closed the bridge for 14 months.',
				'Mayor Daniel Carter said the new bridge would open to cyclists and buses first.',
				'In 2020, the rebuilt bridge reopened with two bus lanes and a cycle track.',
				'The Lakeside Cycling Club accused the county of delaying the cycle track by a year.',
				'A 2021 survey found that 62 percent of residents used the bridge every week.'
			].join('\n')
		);
		fs.writeFileSync(
			path.join(dir, 'etrace-note.txt'),
			'eTrace in Guatemala\n\nIn 2012, the ATF trained 40 Guatemalan officers to use eTrace and the Firearms Tracing System.\n'
		);
		const manifest = { sources: [] as object[] };
		manifest.sources.push(
			{ file: 'river.txt', id: 'harbor-bridge', title: 'Harbor Bridge Renewal', kind: 'news report', publisher: 'Lakeside Gazette' },
			{ file: 'etrace-note.txt', id: 'etrace-note', title: 'eTrace in Guatemala', kind: 'news report', publisher: 'Test Wire' }
		);
		fs.writeFileSync(path.join(dir, 'sources.json'), JSON.stringify(manifest));

		const extended = generate(readSourceFiles(dir), seedCourse);
		const bridge = extended.analysed.find((a) => a.source.id === 'harbor-bridge')!;
		const entities = bridge.sentences.flatMap((s) => s.entities);
		expect(entities.find((e) => e.acronym === 'LCTA')?.text).toMatch(/^Lakeside County Transit Authority/);
		expect(entities.some((e) => e.type === 'person' && e.text.includes('Maria Lopez'))).toBe(true);
		const own = extended.lessons.find((l) => l.id === 'source-harbor-bridge');
		expect(own?.generated).toBe(true);
		expect(own?.title).toBe('Harbor Bridge Renewal');
		expect(own?.timeline.map((e) => e.year)).toEqual(expect.arrayContaining([2015, 2018, 2020]));
		const ownQuestions = extended.questions.filter((q) => q.lessonId === own?.id);
		expect(ownQuestions.length).toBeGreaterThanOrEqual(6);
		expect(new Set(ownQuestions.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
		for (const objective of own!.objectives) expect(ownQuestions.filter((q) => q.objectiveId === objective.id).length).toBeGreaterThanOrEqual(2);
		const etrace = extended.lessons.find((l) => l.id === 'etrace')!;
		expect(etrace.passages.some((p) => p.sourceId === 'etrace-note')).toBe(true);
		expect(extended.lessons.some((l) => l.id === 'source-etrace-note')).toBe(false);
	});
});
