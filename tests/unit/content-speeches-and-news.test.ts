import { describe, expect, it } from 'vitest';
import { spellOutAcronyms, withoutLinkingOpener } from '../../src/lib/content/analyse';
import { classifyLines } from '../../src/lib/content/clean';
import { courseKnowledge } from '../../src/lib/content/course';
import { generate } from '../../src/lib/content/generate';
import { analyseSources } from '../../src/lib/content/pipeline';
import { notStandingAlone, pointsBack } from '../../src/lib/content/questions/stands-alone';
import { findSpeech, isSpeakerLabel, spokenOn, surnameAsWritten } from '../../src/lib/content/speech';
import { sourceSections } from '../../src/lib/content/source-view';
import type { Sentence, SourceInput } from '../../src/lib/content/types';

/**
 * Rules written from texts the generator was not written for (a floor statement, a news feature
 * told in quotations), each tried here on sentences of the same kind, not on the sentences of a source.
 */
const source = (id: string, rawText: string, extra: Partial<SourceInput> = {}): SourceInput => ({ id, title: id, kind: 'news report', publisher: 'A Publisher', rawText, ...extra });
const analyse = (...sources: SourceInput[]) => analyseSources(sources, courseKnowledge());
const sentence = (statement: string): Sentence => ({
	id: 's', sourceId: 'src', sectionId: 'x', sectionTitle: 'X', paragraphIndex: 0, index: 9, start: 0, end: statement.length, text: statement, statement, entities: [], attributions: []
});

const RECORD = [
	'Mr. SMITH. Mr. President, I rise today to introduce the Open Records Improvement Act of 2009 with my colleague Senator Jones.',
	'',
	'I served 12 years on the Appropriations and Budget Committee, and I have seen what happens when agencies hide their records.',
	'',
	'Our bill requires every agency to answer a request within twenty working days of its receipt.',
	'',
	'Recent news reports have noted that the chief archivist, Helen Marsh, was overruled by the Office of Management and Budget in 2008.',
	'',
	'When I came to the Senate this January, I made open records one of my top priorities.',
	'',
	'Mr. President, I ask unanimous consent that the text of the bill be printed in the Record.'
].join('\n');

describe('a record of a speech is asked as its speaker’s quoted words', () => {
	const record = source('record', RECORD, { kind: 'government record (floor statement)', publisher: 'Congressional Record, U.S. Senate', published: '2009-03-04' });

	it('finds the speaker from the record’s label, and only in a first-person text', () => {
		const { analysed } = analyse(record);
		expect(analysed[0].speech).toEqual({ speaker: 'Mr. Smith', occasion: 'a floor statement (Congressional Record, U.S. Senate, 4 March 2009)', lead: 'In a floor statement (Congressional Record, U.S. Senate, 4 March 2009), Mr. Smith said:' });
		// the label names who speaks; it is not a sentence of the speech
		expect(analysed[0].sentences[0].text).toBe('Mr. President, I rise today to introduce the Open Records Improvement Act of 2009 with my colleague Senator Jones.');
		// a news report that quotes someone saying "I" is not a speech, and neither is a label over third-person prose
		expect(findSpeech(source('news', '“I will not resign,” said the mayor.\n\nThe council met on Monday.'), [{ text: '“I will not resign,” said the mayor.' }])).toBeUndefined();
		// a debate or a hearing has several speakers: no sentence is asked as one speaker's, and each label stays to say who speaks
		const debate = source('debate', 'Mr. SMITH. Mr. President, I rise to oppose this bill.\n\nMr. JONES. Mr. President, I rise to support it, and I thank my colleague.', { kind: 'government record (debate)' });
		const { analysed: [heard] } = analyse(debate);
		expect(heard.speech).toBeUndefined();
		expect(heard.sentences.map((s) => s.text)).toContain('Mr. JONES.');
		const thirdPerson = [{ text: 'The committee met in March.' }, { text: 'It heard three witnesses.' }, { text: 'The bill passed.' }];
		expect(findSpeech(source('x', 'Mr. SMITH. The committee met in March.'), thirdPerson)).toBeUndefined();
	});

	it('names the speaker, the day and the kind of speech as a reader would', () => {
		expect(surnameAsWritten('McCASKILL')).toBe('McCaskill');
		expect(surnameAsWritten('SMITH')).toBe('Smith');
		expect(surnameAsWritten("O'BRIEN")).toBe("O'Brien");
		expect(spokenOn('2007-11-08')).toBe('8 November 2007');
		expect(spokenOn('2019')).toBe('2019');
		expect(spokenOn('unknown')).toBeUndefined();
		expect(isSpeakerLabel('Mrs. McCASKILL.')).toBe(true);
		expect(isSpeakerLabel('Mr. President, I rise today.')).toBe(false);
	});

	it('keeps the speaker’s words as spoken, naming "our bill" in square brackets', () => {
		const { analysed } = analyse(record);
		const ours = analysed[0].sentences.find((s) => s.text.startsWith('Our bill'))!;
		expect(ours.statement).toBe('[The Open Records Improvement Act of 2009] requires every agency to answer a request within twenty working days of its receipt.');
		expect(ours.attributions).toEqual([]);
	});

	it('lets first person and the speech’s own time stand, and no other leaning on the text', () => {
		expect(notStandingAlone(sentence('When I came to the Senate this January, I made open records one of my top priorities.'), [], true)).toBeUndefined();
		expect(notStandingAlone(sentence('When I came to the Senate this January, I made open records one of my top priorities.'), [])).toBe('first person');
		expect(notStandingAlone(sentence('This notice must be received at least 30 days before the scheduled removal.'), [], true)).toBe('demonstrative');
		expect(notStandingAlone(sentence('Having the agency that you audit decide your bonus is a conflict of interest.'), [], true)).toBe('a question or an address');
	});

	it('says whose words its lesson and its source page give', () => {
		const content = generate([record]);
		expect(content.lessons.find((l) => l.id === 'source-record')?.summary).toBe('What Mr. Smith said in a floor statement (Congressional Record, U.S. Senate, 4 March 2009).');
		expect(sourceSections(content.analysed[0]).speaker).toBe('Mr. Smith');
		// a speech quotes nobody else: no "who says what" objective
		expect(content.lessons.find((l) => l.id === 'source-record')?.objectives.map((o) => o.id)).not.toContain('claims');
		// a speech with no label is still said, not reported, by whoever gave it
		const address = generate([source('address', 'Four score and seven years ago our fathers brought forth a new nation in 1776.', { kind: 'speech', publisher: 'Abraham Lincoln' })]);
		expect(address.lessons[0].summary).toBe('What Abraham Lincoln said in “address”.');
	});

	it('quotes every stem it asks, never as true or false, and with a typed count of days', () => {
		const news = source('news', 'The Government Accountability Office, led by auditor Paul Reyes, reviewed the Federal Trade Commission in 2012.\n\nThe Securities and Exchange Commission answered 4,000 requests in 2013, according to its director Anne Lowell.\n\nThe Office of Personnel Management hired 300 staff in 2011.');
		const content = generate([record, news]);
		const asked = content.questions.filter((q) => q.citations.some((c) => c.sourceId === 'record'));
		expect(asked.length).toBeGreaterThan(0);
		for (const q of asked) {
			expect(q.type).not.toBe('true_false');
			expect((q.prompt as { stem: string }).stem).toContain('In a floor statement (Congressional Record, U.S. Senate, 4 March 2009), Mr. Smith said: “');
		}
		expect(asked.some((q) => q.type === 'numeric' && q.answer.type === 'numeric' && q.answer.value === 20)).toBe(true);
	});
});

describe('news copy: openers, quotations and references', () => {
	it('drops an opener that only links to the sentence before, and keeps one that changes the sense', () => {
		expect(withoutLinkingOpener('Additionally, the act called for a centralized online portal.')).toBe('The act called for a centralized online portal.');
		expect(withoutLinkingOpener('Last year, in testimony before the committee, the director praised the office.')).toBe('In testimony before the committee, the director praised the office.');
		expect(withoutLinkingOpener('Moreover, a separate set of documents shows more.')).toBe('Moreover, a separate set of documents shows more.');
		expect(withoutLinkingOpener('Moreover, it shows more.')).toBe('Moreover, it shows more.');
		expect(withoutLinkingOpener('But the agency refused.')).toBe('But the agency refused.');
	});

	it('reads "so far as", "then-Speaker", "the effort to reform" and "also known as" as what they are', () => {
		expect(notStandingAlone(sentence('The Department of Justice went so far as to claim that empowering another agency was unconstitutional in 2014.'), [])).toBeUndefined();
		expect(notStandingAlone(sentence('The FOIA Oversight and Implementation Act was co-sponsored by then—House Oversight Committee Chairman Darrell Issa in 2014.'), [])).toBeUndefined();
		expect(notStandingAlone(sentence('Anne Weismann is a leader in the effort to reform the Freedom of Information Act since 2014.'), ['The effort failed.'])).toBeUndefined();
		expect(notStandingAlone(sentence('Exemption 5, also known as the deliberative process privilege, covers drafts and memos since 1966.'), [])).toBeUndefined();
	});

	it('does not ask a subject the stem never names, a plural acronym pointing back, or an example of something unseen', () => {
		expect(notStandingAlone(sentence('Everything died in the House in December 2014 after Speaker John Boehner failed to act.'), [])).toBe('a subject the stem does not name');
		expect(notStandingAlone(sentence('These IGs report both to the Executive and Legislative branch in every agency since 1978.'), [])).toBe('demonstrative');
		expect(notStandingAlone(sentence('For example, agencies request their budgets through the department in 2007.'), [])).toBe('continues another sentence');
	});

	it('keeps a quotation that points at something unseen out of "who said it"', () => {
		expect(pointsBack('If this memo reflects thinking of the White House, I have to question their commitment')).toBe(true);
		expect(pointsBack('This FOIA reform bill was incredibly modest')).toBe(false);
		expect(pointsBack('It took the Freedom of Information Act to provide evidence of what many felt')).toBe(false);
	});

	it('finds the speaker of a quotation who is named after "said", and no speaker in a subordinate clause', () => {
		const { analysed } = analyse(
			source('feature', [
				'“This reform bill was incredibly modest and had the support of both parties,” said Trevor Timm, executive director of the Freedom of the Press Foundation.',
				'',
				'Although the agency issues a variety of reports and bulletins every year, it has not undertaken a joint study in 20 years.'
			].join('\n'))
		);
		const [quote, subordinate] = analysed[0].sentences;
		expect(quote.attributions.map((a) => a.speaker)).toEqual(['Trevor Timm']);
		expect(quote.attributions[0].claim).toMatch(/^This reform bill was incredibly modest/);
		expect(subordinate.attributions).toEqual([]);
	});

	it('spells out an acronym where it stands alone, with its article, and not inside a longer name', () => {
		const forms = new Map([['FOIA', 'Freedom of Information Act']]);
		expect(spellOutAcronyms('The director said the department is doing a great job with FOIA.', forms)).toBe('The director said the department is doing a great job with the Freedom of Information Act (FOIA).');
		expect(spellOutAcronyms('The FOIA Oversight and Implementation Act of 2014 passed by a vote of 410-0.', forms)).toBe('The FOIA Oversight and Implementation Act of 2014 passed by a vote of 410-0.');
	});

	it('takes an unpunctuated line between two paragraphs for a caption', () => {
		const lines = classifyLines('The Title of the Story\n\nA first paragraph of the story ends here with a full stop, as paragraphs of news copy do.\n\nUS Justice Department talking points on the bill that went nowhere despite bipartisan support in Congress\n\nThe story goes on in a second paragraph that ends with a full stop, as the first one did.');
		expect(lines.map((l) => l.kind)).toEqual(['title', 'prose', 'caption', 'prose']);
	});
});

describe('names found in the text', () => {
	const entries = (...texts: string[]) => analyse(source('t', texts.join('\n\n'))).knowledge.glossary;

	it('knows countries and states, but not inside a longer name', () => {
		const found = entries('Her 8 years as State Auditor in Missouri taught her much in 2006.', 'The governor of New Mexico met officials from Iraq in 2007.');
		expect(found.find((e) => e.name === 'Missouri')).toMatchObject({ kind: 'place', placeKind: 'state' });
		expect(found.find((e) => e.name === 'Iraq')).toMatchObject({ kind: 'place', placeKind: 'country' });
		expect(found.find((e) => e.name === 'Mexico')).toBeUndefined();
	});

	it('names a body in full, once, and never by a fragment, a modifier or a kind', () => {
		const found = entries(
			'The Freedom of the Press Foundation sued the agency in 2015.',
			'She was appointed to the Homeland Security and Government Affairs Committee in 2007.',
			'The Federalist-controlled Congress passed the act in 1798.',
			'A Select Committee met in 1975.',
			'The National Firearms Commerce and Trafficking Assessment (NFCTA) appeared in 2023.'
		).map((e) => e.name);
		expect(found).toContain('Freedom of the Press Foundation');
		expect(found).not.toContain('Press Foundation');
		expect(found).toContain('Homeland Security and Government Affairs Committee');
		expect(found).not.toContain('Government Affairs Committee');
		expect(found).not.toContain('Federalist-controlled Congress');
		expect(found).not.toContain('Select Committee');
		expect(found).not.toContain('National Firearms Commerce and Trafficking Assessment');
	});

	it('reads a vote’s tally as a count and a role written before a name as the person’s role', () => {
		const { analysed, knowledge } = analyse(source('t', 'The bill passed by a vote of 410-0 in 2014.\n\nRecent reports noted that the CIA Inspector General, John Helgerson, is being investigated by his own agency.'));
		expect(analysed[0].sentences[0].entities.find((e) => e.type === 'cardinal')).toMatchObject({ text: '410', value: 410 });
		expect(knowledge.glossary.find((e) => e.name === 'John Helgerson')?.role).toBe('the CIA Inspector General');
	});
});
