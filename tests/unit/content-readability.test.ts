import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/lib/server/db/sources-sync';
import { classifyLines } from '../../src/lib/content/clean';
import { asInnerQuotation, displayText, shortPublisher, splitNote } from '../../src/lib/content/display';
import type { GeneratedContent } from '../../src/lib/content/generate';
import { seedContent, seedKnowledge, seedSources } from '../helpers/seed-content';
import { containsNormalised, contentWords } from '../../src/lib/content/question-filters';
import { isPlannedFor, isSelfContained, renderClaim } from '../../src/lib/content/lessons';
import { fixArticles, rewriteForDisplay } from '../../src/lib/content/rewrite';
import type { GeneratedQuestion } from '../../src/lib/content/question-types';

/** What a learner reads for a question: its stem, statement, claim, options and items. */
function shownText(q: GeneratedQuestion): string {
	const p = q.prompt as { stem: string; statement?: string; claim?: string; options?: { text: string }[]; items?: { text: string }[] };
	return [p.stem, p.statement, p.claim, ...(p.options ?? []).map((o) => o.text), ...(p.items ?? []).map((i) => i.text)].filter(Boolean).join(' ');
}

const sources = seedSources;
const GLOSSARY = seedKnowledge.glossary;
const aliasesOf = (id: string) => seedKnowledge.aliasesOf(id);
let content: GeneratedContent;
beforeAll(() => {
	content = seedContent();
});
const lesson = (id: string) => content.lessons.find((l) => l.id === id)!;

describe('key figures say in words what each number counts', () => {
	it('gives readable phrases, not fragments, and leaves out figures it cannot state', () => {
		const figures = content.lessons.flatMap((l) => l.figures);
		expect(figures.length).toBeGreaterThan(10);
		for (const f of figures) {
			expect(f.counts, f.value).not.toMatch(/^(of|or|to|in|and|for|by|such|them)\b/i);
			expect(f.counts, f.value).not.toMatch(/\b(the|of|to|and|or|a|an|in|for|involving)$/i);
			expect(f.counts.split(' ').length, f.value).toBeGreaterThanOrEqual(1);
		}
		const origins = lesson('origins').figures;
		expect(origins.find((f) => f.value === '650')?.counts).toBe('cases referred for prosecution, 2005–2008');
		expect(lesson('politics').figures.find((f) => f.value === '30,000')?.counts).toBe('people killed in the past four years');
		// "60,000 of them" and "an additional 5 million" (no currency) cannot be stated cleanly
		expect(content.lessons.flatMap((l) => l.figures).some((f) => f.value === '60,000' || f.value === '5 million')).toBe(false);
	});

	it('lists each figure once per lesson', () => {
		for (const l of content.lessons) {
			const keys = l.figures.map((f) => `${f.value}|${f.counts}`);
			expect(new Set(keys).size, l.id).toBe(keys.length);
			const values = l.figures.map((f) => f.value.replace(/^(approximately|about|nearly|over|more than|at least)\s+/i, ''));
			expect(new Set(values).size, l.id).toBe(values.length);
		}
	});
});

describe('perspectives read as speaker, verb and a clean claim', () => {
	it('keeps a handful per lesson, with balanced quotation marks and no mid-sentence capitals', () => {
		for (const l of content.lessons) {
			expect(l.perspectives.length, l.id).toBeLessThanOrEqual(6);
			for (const p of l.perspectives) {
				expect((p.claim.match(/“/g) ?? []).length, p.claim).toBe((p.claim.match(/”/g) ?? []).length);
				if (!p.claim.startsWith('“')) expect(p.claim, p.claim).not.toMatch(/^(The|A|An|About|Asked|With)\b/);
				expect(p.verb).not.toBe('according to');
			}
			const claims = l.perspectives.map((p) => p.claim);
			expect(new Set(claims).size).toBe(claims.length);
		}
		const ig = lesson('inspector-general').perspectives;
		expect(new Set(ig.map((p) => p.speakerId)).size).toBeGreaterThanOrEqual(4);
	});

	it('renders direct speech as a quotation and reported speech as a lower-cased clause', () => {
		expect(renderClaim('With respect to not having a permanent head of ATF, that issue has not been raised to me', true, seedKnowledge)).toBe(
			'“With respect to not having a permanent head of ATF, that issue has not been raised to me.”'
		);
		expect(renderClaim('About 70 percent of Gunrunner cases involve low level single defendants', false)).toBe(
			'about 70 percent of Gunrunner cases involve low level single defendants.'
		);
		expect(renderClaim('there are “significant weaknesses” to Gunrunner that “undermine its effectiveness', false)).toBe(
			'there are “significant weaknesses” to Gunrunner that “undermine its effectiveness”.'
		);
		expect(renderClaim('these are models for planned future tracing centers throughout Central America', false)).toBeUndefined();
	});
});

describe('source metadata and source text as readers see them', () => {
	it('shows a short publisher name and the catalogue notes as notes', () => {
		expect(shortPublisher('Wikipedia (encyclopedia-style article, wiki markup headings such as ==History==)')).toBe('Wikipedia');
		expect(shortPublisher('Talking Points Memo (TPM Muckraker)')).toBe('Talking Points Memo');
		expect(shortPublisher('NBC News')).toBe('NBC News');
		expect(splitNote('unknown (mentions events up to 2014)')).toEqual({ value: 'Unknown', note: 'Mentions events up to 2014' });
		expect(splitNote('2010')).toEqual({ value: '2010' });
		for (const l of content.lessons) for (const s of l.sources) expect(l.summary + s.title).not.toContain('wiki markup');
	});

	it('nests a quotation inside a quoted passage with single marks', () => {
		expect(asInnerQuotation('saying the document was only a “working draft.”')).toBe('saying the document was only a ‘working draft.’');
		expect(asInnerQuotation('firearms considered "tools of the trade"')).toBe('firearms considered ‘tools of the trade’');
	});

	it('tidies whitespace for display without touching the raw text', () => {
		expect(displayText('intelligence , according to a report obtained by  NBC News .')).toBe('intelligence, according to a report obtained by NBC News.');
		expect(displayText('A\u00a0 U.S. program')).toBe('A U.S. program');
	});

	it("treats a news page's teaser that repeats the lead as page chrome", () => {
		const nbc = sources.find((s) => s.id === 'nbc-gunrunner-misfires')!;
		const lines = classifyLines(nbc.rawText);
		expect(lines.find((l) => /^A\s+U\.S\. program aimed at/.test(l.text))).toMatchObject({ kind: 'chrome', reason: 'teaser repeating the next paragraph' });
		expect(lines.find((l) => l.text.startsWith('A major Justice Department program'))?.kind).toBe('prose');
		for (const line of lines) expect(nbc.rawText.slice(line.start, line.end)).toBe(line.text);
	});

	it('rewrites generated text only: never inside quotation marks, and keeps the article right', () => {
		expect(fixArticles('an National Rifle Association-backed bill, an NRA-backed bill, an ATF agent')).toBe(
			'a National Rifle Association-backed bill, an NRA-backed bill, an ATF agent'
		);
		expect(rewriteForDisplay('He said “the report is late” and the report is late.', 'the inspector general', seedKnowledge.rewrites)).toBe(
			"He said “the report is late” and the Inspector General's draft report is late."
		);
		expect(rewriteForDisplay('TPM called it “an National bill” today.', '', seedKnowledge.rewrites)).toBe('TPM called it “an National bill” today.');
		// a money figure in a replacement is money, not a capture group
		expect(rewriteForDisplay('$10 million of the money was moved.', 'American Recovery and Reinvestment Act of 2009 provided $40 million', seedKnowledge.rewrites)).toBe(
			"$10 million of the Recovery Act's $40 million was moved."
		);
	});
});

describe('questions stand alone and are worth asking', () => {
	it('drops lead-ins, split quotations, unresolved pronouns, relative time and "us"', () => {
		expect(isSelfContained('Here’s a key graph in the draft of the report regarding the failures of the program:', seedKnowledge)).toBe(false);
		expect(isSelfContained('He also declined to comment on the findings of the draft report at all.', seedKnowledge)).toBe(false);
		expect(isSelfContained('The ATF states these are models for planned future tracing centers.', seedKnowledge)).toBe(false);
		expect(isSelfContained('The Brady Campaign has been critical of the Obama administration’s record, including his failure to nominate a director.', seedKnowledge)).toBe(false);
		expect(isSelfContained('Janet Napolitano said the ATF was one of her partners in some border matters.', seedKnowledge)).toBe(true);
		expect(isSelfContained('ATF agents in one field division “told us they felt discouraged from conducting complex cases.', seedKnowledge)).toBe(false);
		expect(isSelfContained('TPM asked Napolitano during a meeting with reporters last week about the ATF.', seedKnowledge)).toBe(false);
		for (const q of content.questions) {
			const text = shownText(q);
			expect(text, q.id).not.toMatch(/\b(these are|his failure|Here’s a key graph|told us|tells us|last week|is also|has also)\b/);
			expect(text, q.id).not.toContain('““');
			expect(text, q.id).not.toMatch(/, The\b/);
		}
	});

	it('asks no publication trivia, document numbers, founding years of other bodies or giveaway blanks', () => {
		for (const q of content.questions) {
			const text = shownText(q);
			expect(text, q.id).not.toMatch(/Which source reports this|_____ Report|Report \d{2}-\d{3}|As of a _____ report|FY \d{4} and _____|Laredo, Arizona|an National|President _____|additional courses/);
			const p = q.prompt as { stem: string; statement?: string; claim?: string };
			expect([p.stem, p.statement, p.claim].join(' ').split(/\s+/).length, q.id).toBeLessThan(80);
			if (/was established in _____/.test(text)) expect(text, q.id).toMatch(/Gunrunner/);
		}
		const answersOf = (q: GeneratedQuestion) =>
			q.answer.type === 'fill_blank' ? q.answer.accepted : q.prompt.type === 'multiple_choice' && q.answer.type === 'multiple_choice' ? [q.prompt.options.find((o) => o.id === (q.answer as { correctOptionId: string }).correctOptionId)!.text] : [];
		for (const q of content.questions) for (const a of answersOf(q)) expect(['NBC News', 'TPM', 'KNXV-TV', 'Drew Wade', 'Michael Isikoff'], q.id).not.toContain(a);
	});

	it('writes money options with their currency and names the operation in "allowed to walk"', () => {
		for (const q of content.questions) {
			if (q.prompt.type === 'multiple_choice' && /million/.test(q.prompt.options.map((o) => o.text).join(' '))) for (const o of q.prompt.options) expect(o.text, q.id).toMatch(/^\$/);
			if (/allowed to walk/.test(shownText(q))) expect(shownText(q), q.id).toMatch(/Fast and Furious/);
		}
	});

	it('offers as "who said it" options only speakers of the same kind as the answer, never an outlet', () => {
		const speakerNames = new Map(GLOSSARY.map((entry) => [entry.name.charAt(0).toUpperCase() + entry.name.slice(1), { kind: entry.kind, group: entry.group }]));
		const attributions = content.questions.filter((q) => q.prompt.type === 'attribution');
		expect(attributions.length).toBeGreaterThanOrEqual(8);
		for (const q of attributions) {
			if (q.prompt.type !== 'attribution' || q.answer.type !== 'attribution') continue;
			const answerId = q.answer.correctOptionId;
			const answer = speakerNames.get(q.prompt.options.find((o) => o.id === answerId)!.text)!;
			const cited = q.citations.map((c) => c.text).join(' ');
			for (const option of q.prompt.options) {
				const speaker = speakerNames.get(option.text);
				// a body the cited sentence names (the finding's subject, the report it appeared in) is not a distractor
				const entry = GLOSSARY.find((g) => g.name.toLowerCase() === option.text.toLowerCase())!;
				if (option.id !== answerId) for (const named of [entry.id, ...(entry.partOf ?? [])]) expect(aliasesOf(named).some((alias) => containsNormalised(cited, alias)), `${q.id}: ${option.text}`).toBe(false);
				expect(speaker, `${q.id}: ${option.text}`).toBeDefined();
				expect(speaker!.kind, `${q.id}: ${option.text}`).toBe(answer.kind);
				expect(['media', 'journalist'], `${q.id}: ${option.text}`).not.toContain(speaker!.group);
			}
		}
	});
});

describe('the blanks new in generator 1.5', () => {
	const correctOption = (q: GeneratedQuestion) =>
		q.prompt.type === 'multiple_choice' && q.answer.type === 'multiple_choice' ? q.prompt.options.find((o) => o.id === (q.answer as { correctOptionId: string }).correctOptionId)!.text : undefined;

	it('states nothing true or false that the cited sentences do not say: no true/false on a statement a rewrite added words to', () => {
		const statements = content.questions.filter((q) => q.prompt.type === 'true_false');
		expect(statements.length).toBeGreaterThan(3);
		for (const q of statements) {
			if (q.prompt.type !== 'true_false' || q.answer.type !== 'true_false' || !q.answer.correct) continue;
			const cited = new Set(contentWords(q.citations.map((c) => c.text).join(' ')));
			expect(contentWords(q.prompt.statement).filter((w) => !cited.has(w)), q.id).toEqual([]);
		}
	});

	it('offers kinds of weapon and groups of people only against their own group, never echoing the stem', () => {
		const terms = content.questions.filter((q) => q.prompt.type === 'multiple_choice' && /^Which (kind of weapon|group of people) completes/.test(q.prompt.stem));
		// (two since 1.12: a stem must stand alone, and one of the three leaned on "these weapons")
		expect(terms.length).toBeGreaterThanOrEqual(2);
		for (const q of terms) {
			if (q.prompt.type !== 'multiple_choice') continue;
			// "… _____ — a Romanian made version of the AK-47": no model after the blank names the answer
			expect(q.prompt.stem, q.id).not.toMatch(/\b[A-Z]{1,4}-\d{1,3}\b|\brifles?\b/);
			const groups = new Set(q.prompt.options.map((o) => GLOSSARY.find((g) => g.name === o.text)?.group));
			expect(groups.size, q.id).toBe(1);
			expect([...groups][0], q.id).toBeDefined();
			const stemWords = new Set(q.prompt.stem.toLowerCase().split(/[^a-z]+/));
			for (const o of q.prompt.options) if (o.text !== correctOption(q)) expect(o.text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5 && stemWords.has(w)), `${q.id}: ${o.text}`).toEqual([]);
		}
	});

	it('never offers software against operations, names a program in brackets after its description, or blanks the size of "all" of a set', () => {
		for (const q of content.questions) {
			expect(correctOption(q), q.id).not.toBe('eTrace');
			const stem = (q.prompt as { stem: string }).stem;
			expect(stem, q.id).not.toMatch(/\(_____\)/);
			expect(stem, q.id).not.toMatch(/\b(all|every|both) _____/);
			expect(stem, q.id).not.toMatch(/\(unlike [^)]*_____/);
		}
	});

	it('never dates a plan: no ordering event or year question takes the year an intention points to', () => {
		expect(isPlannedFor('the ATF anticipated conducting numerous additional courses in 2009.', '2009')).toBe(true);
		expect(isPlannedFor('In December, 2009, the ATF announced deployment of a Spanish version of eTrace.', '2009')).toBe(false);
		for (const q of content.questions) {
			const p = q.prompt as { type: string; stem: string; items?: { text: string }[] };
			if (p.type === 'ordering') for (const item of p.items!) expect(item.text, q.id).not.toMatch(/\b(anticipated|planned|expected|intended)\b/);
			if (/year completes|with a year/.test(p.stem)) expect(p.stem, q.id).not.toMatch(/\b(anticipated|planned|expected|intended|slated)\b[^.]*_____/);
		}
		// ordering uses only the lesson's own events, never another lesson's (tested on the corpus too,
		// where lessons have enough dated events of their own)
		const lessonOf = new Map(content.routes.map((r) => [r.sentenceId, r.lessonId]));
		for (const q of content.questions.filter((x) => x.type === 'ordering')) for (const c of q.citations) expect(lessonOf.get(c.sentenceId), q.id).toBe(q.lessonId);
	});

	it('offers after "the Department of Homeland Security\'s _____" only parts of that department', () => {
		// the sentence is still asked, with the department itself blanked
		const together = content.questions.filter((q) => q.citations.some((c) => /do not work effectively together/.test(c.text)));
		expect(together.length).toBeGreaterThan(0);
		for (const q of together) if (q.prompt.type === 'multiple_choice') expect(q.prompt.stem, q.id).not.toMatch(/Homeland Security[’']s _____/);
		for (const q of content.questions) {
			// an organisation blank; "the ATF's _____ office" asks a city
			if (q.prompt.type !== 'multiple_choice' || !q.prompt.stem.startsWith('Which organisation')) continue;
			const owner = /([\p{L}. ]+)[’']s _____/u.exec(q.prompt.stem)?.[1];
			const entry = owner && GLOSSARY.find((g) => g.kind === 'organisation' && g.aliases.some((alias) => owner.endsWith(alias)));
			if (!entry) continue;
			for (const o of q.prompt.options) {
				const option = GLOSSARY.find((g) => g.name === o.text || g.aliases.includes(o.text));
				expect(option?.partOf ?? [], `${q.id}: ${o.text}`).toContain(entry.id);
			}
		}
	});

	it('never lets a plural speaker fill "_____ states": every option reads as a sentence', () => {
		for (const q of content.questions) {
			if (q.prompt.type !== 'attribution' || !/_____ (states|finds|reports|concludes|faults|claims|says)\b/.test(q.prompt.claim)) continue;
			for (const o of q.prompt.options) expect(o.text, q.id).not.toMatch(/(officials|agents)$/);
		}
	});

	it('asks a law the display named ("This money" → the Act\'s $40 million) citing the sentence that names it first, and never sets a bill among laws', () => {
		const slated = content.questions.find((q) => q.prompt.type === 'multiple_choice' && /The _____'s \$40 million was primarily slated/.test(q.prompt.stem));
		expect(slated).toBeDefined();
		expect(slated!.citations).toHaveLength(2);
		expect(slated!.citations[0].text).toContain('American Recovery and Reinvestment Act of 2009');
		expect(slated!.citations[1].text).toMatch(/^This money was primarily slated/);
		expect(correctOption(slated!)).toBe('Recovery Act');
		for (const q of content.questions) if (q.prompt.type === 'multiple_choice') expect(q.prompt.options.map((o) => o.text), q.id).not.toContain('Reform and Modernization Act');
	});
});

describe('key passages', () => {
	it('never show a sentence that leans on one left out, nor half a quotation', () => {
		for (const l of content.lessons) {
			for (const passage of l.passages) {
				const texts = passage.sentences.map((c) => c.text);
				texts.forEach((text, i) => {
					if (/^(He|She|It|They|This|These|His|Her|Their)\b/.test(text)) expect(i, `${l.id}: ${text}`).toBeGreaterThan(0);
				});
				const whole = texts.join(' ');
				expect((whole.match(/“/g) ?? []).length, `${l.id}: ${passage.sectionTitle}`).toBe((whole.match(/”/g) ?? []).length);
			}
		}
		expect(lesson('politics').passages.flatMap((p) => p.sentences.map((c) => c.text))).toContain('He also declined to comment on the pending legislation to reform ATF.');
	});
});

describe('people and organisations', () => {
	it('merges surnames and skips case names; shows acronyms with their full names', () => {
		const gunwalking = lesson('gunwalking').actors.map((a) => a.name);
		expect(gunwalking).toContain('Brian Terry');
		expect(gunwalking).not.toContain('Terry');
		expect(gunwalking).not.toContain('Hernandez');
		const origins = lesson('origins').actors.map((a) => a.name);
		expect(origins).toContain('Customs and Border Protection (CBP)');
		expect(origins).toContain('Federal Bureau of Investigation (FBI)');
		expect(origins).not.toContain('CBP');
	});
});

describe('a varied bank', () => {
	it('asks about as many different sentences as it can, with alternatives for the draw, and orders events where the lesson’s own timeline allows', () => {
		const sentencesOf = (questions: GeneratedQuestion[]) => new Set(questions.filter((q) => q.type !== 'ordering').map((q) => q.citations.at(-1)!.sentenceId));
		for (const l of content.lessons) {
			const bank = content.questions.filter((q) => q.lessonId === l.id);
			// every lesson's quiz can be ten questions or close to it, each on a sentence of its own
			// seven or more since 1.12, when sentences that lean on another ("also", "these activities") stopped being asked
			expect(sentencesOf(bank).size, l.id).toBeGreaterThanOrEqual(7);
			// and the bank holds more items than sentences: a second way to ask a sentence lets the draw
			// avoid a question that another one gives away
			expect(bank.length, l.id).toBeGreaterThan(sentencesOf(bank).size);
		}
		for (const l of content.lessons) {
			const orderings = content.questions.filter((q) => q.lessonId === l.id && q.type === 'ordering');
			const sets = orderings.map((q) => q.citations.map((c) => c.sentenceId).sort().join());
			expect(new Set(sets).size, l.id).toBe(sets.length);
		}
	});
});
