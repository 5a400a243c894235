import { describe, expect, it } from 'vitest';
import { acronymLongForms } from '../../src/lib/content/analyse';
import { backReference, notStandingAlone } from '../../src/lib/content/questions/stands-alone';
import { echoesAnswer, namesDocument } from '../../src/lib/content/questions/blanks';
import { nameForm } from '../../src/lib/content/questions/distractors';
import { speakerKind } from '../../src/lib/content/questions/attribution';
import type { Sentence } from '../../src/lib/content/types';

/**
 * A quiz stem is read with nothing around it. These rules were written from failures a blind grader
 * found on texts the generator was not written for; each case is the kind of sentence, not a
 * sentence of a source.
 */
const sentence = (statement: string): Sentence => ({
	id: 's', sourceId: 'src', sectionId: 'x', sectionTitle: 'X', paragraphIndex: 0, index: 9, start: 0, end: statement.length, text: statement, statement, entities: [], attributions: []
});

describe('a stem that leans on another sentence is not asked', () => {
	it.each([
		['I was proud to cosponsor the bill authored by Senator Collins in 2007.', 'first person'],
		['Our bill requires that inspectors general post their reports within 3 days.', 'first person'],
		['When the senator first came to the Senate this January, oversight was a priority.', 'relative time'],
		['Inspectors general currently request their budgets through their agencies.', 'relative time'],
		['Attorney General Eric Holder issued guidelines a couple of months later that explained the rule.', 'relative time'],
		['Within the year, the ministry had moved 1,200 officers to the border.', 'relative time'],
		['These combined efforts led to 34 arrests along the border in 2022.', 'demonstrative'],
		['It was unanimously passed by the Senate in 2014.', 'pronoun'],
		['They were obtained using the Freedom of Information Act in 2015.', 'pronoun']
	])('%s → %s', (text, reason) => {
		expect(notStandingAlone(sentence(text), [])).toBe(reason);
	});

	it('takes "the documents" as pointing back only when an earlier sentence introduced documents', () => {
		const text = 'The documents confirm longstanding suspicions about the meddling of the Justice Department in 2014.';
		expect(notStandingAlone(sentence(text), ['A separate set of documents was obtained by a news site.'])).toMatch(/^refers back: the documents/);
		expect(notStandingAlone(sentence(text), ['The weather was fine.'])).toBeUndefined();
	});

	it.each([
		// defined where it stands
		['The documents of the Church Committee were released in 1976.', ['Documents were found.']],
		// a proper name follows
		['The revised Alien Enemies Act was cited in 1946.', ['The act was revised.']],
		// shared by everyone
		['The public should have easy access to reports by 2008.', ['The public was told.']],
		// late in a long sentence a demonstrative points into its own sentence
		['The Federal Bureau of Investigation ran a program of surveillance from 1956 to 1971 against groups it saw as subversive, and these groups included civil rights organisations.', []]
	])('stands alone: %s', (text, earlier) => {
		expect(notStandingAlone(sentence(text), earlier)).toBeUndefined();
	});

	it('reads the head noun of "the …", not the verb after it', () => {
		expect(backReference('The proclamation gave the Attorney General authority over aliens.', ['A proclamation was issued.'])).toBe('the proclamation');
		expect(backReference('The ever potent gun lobby opposed the bill in 2010.', ['Guns were sold.'])).toBeUndefined();
	});
});

describe('acronyms and names in full', () => {
	it('finds the long form an acronym spells, whether or not it counts its small words', () => {
		const forms = acronymLongForms([
			'They used the Freedom of Information Act (FOIA) to get them.',
			'The Department of Justice (DOJ) declined to comment.',
			'The U.S. Government Accountability Office (GAO) said so.',
			'Funding came from the Bipartisan Safer Communities Act (BSCA) in 2022.'
		]);
		expect(Object.fromEntries(forms)).toEqual({
			FOIA: 'Freedom of Information Act',
			DOJ: 'Department of Justice',
			GAO: 'Government Accountability Office',
			BSCA: 'Bipartisan Safer Communities Act'
		});
	});
});

describe('options of one kind, and no answer given away', () => {
	it('tells committees, chambers, resolutions and acts apart', () => {
		expect(nameForm('Government Affairs Committee')).toBe('committee');
		expect(nameForm('Congress')).toBe('chamber');
		expect(nameForm('Senate')).toBe('chamber');
		expect(nameForm('Kentucky Resolutions')).toBe('resolution');
		expect(nameForm('Naturalization Act')).toBe('act');
		expect(nameForm('Department of Justice')).toBe('other');
	});

	it('sees the answer in the stem through a possessive or a plural', () => {
		expect(echoesAnswer("_____'s death exposed the botched investigation, said Terry's family.", 'Brian Terry')).toBe(true);
		expect(echoesAnswer('Prosecutions under the sedition laws began in 1798 under the _____.', 'Sedition Act')).toBe(true);
		expect(echoesAnswer('The group accused the agency of boosting statistics on American guns, said _____.', 'Gun Owners of America')).toBe(false);
	});

	it('does not blank a number that names a document', () => {
		expect(namesDocument('President Truman issued Proclamation ')).toBe(true);
		expect(namesDocument('the bill H.R. ')).toBe(true);
		expect(namesDocument('a budget of about $5 million in FY ')).toBe(true);
		expect(namesDocument('the case No. ')).toBe(true);
		expect(namesDocument('In June ')).toBe(false);
		expect(namesDocument('In ')).toBe(false);
		expect(namesDocument('agents recovered ')).toBe(false);
	});

	it('offers as "who said it" only speakers that read as people or bodies', () => {
		expect(speakerKind('Noam Chomsky', 'person')).toBe('person');
		expect(speakerKind('Department of Justice', 'organisation')).toBe('body');
		expect(speakerKind('ATF', 'organisation')).toBe('body');
		expect(speakerKind('Villa Union', 'organisation')).toBe('other');
	});
});
