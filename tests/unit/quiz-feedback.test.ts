import { describe, expect, it } from 'vitest';
import { answerPhrases, chosenPhrase, explanationLead, markPhrase, whereChosenBelongs } from '../../src/lib/quiz/feedback';
import { blankLabel, splitStem } from '../../src/lib/quiz/stem';

const sentences = [
	{ sourceId: 'enc', sentenceId: 's1', text: 'In 2006 the project became a national initiative.' },
	{ sourceId: 'enc', sentenceId: 's2', text: 'The FBI took the lead in bombing cases in 2009.' },
	{ sourceId: 'news', sentenceId: 's3', text: 'In 2009 the ATF deployed eTrace in Mexico, the report said.' },
	{ sourceId: 'news', sentenceId: 's4', text: 'Project Gunrunner began as a pilot project in Laredo, Texas, in 2005.' }
];

describe('feedback that teaches', () => {
	it('marks the answer in the cited sentence, whole words only, any case', () => {
		expect(markPhrase('The ATF runs eTrace.', ['etrace'])).toEqual([
			{ text: 'The ATF runs ', mark: false },
			{ text: 'eTrace', mark: true },
			{ text: '.', mark: false }
		]);
		// "ATF" is not marked inside "BATFE"; nothing found leaves the sentence whole
		expect(markPhrase('The BATFE said so.', ['ATF'])).toEqual([{ text: 'The BATFE said so.', mark: false }]);
		expect(markPhrase('It cost $40 million.', ['$40 million'])[1]).toEqual({ text: '$40 million', mark: true });
	});

	it('finds where a wrong choice belongs: the sentence that uses it nearest the question’s topic, never the cited one', () => {
		const cited = [{ sourceId: 'news', sentenceId: 's4' }];
		const topic = sentences[3].text;
		expect(whereChosenBelongs('2006', sentences, cited, topic)?.sentenceId).toBe('s1');
		// "2009" is in two sentences: the one on the question's topic (eTrace) is shown
		expect(whereChosenBelongs('2009', sentences, [], 'When did the ATF deploy eTrace across Mexico?')?.sentenceId).toBe('s3');
		expect(whereChosenBelongs('2009', sentences, [], 'When did the FBI take the lead in bombing cases?')?.sentenceId).toBe('s2');
		expect(whereChosenBelongs('2005', sentences, cited, topic)).toBeNull();
		expect(whereChosenBelongs('FBI', sentences, cited, 'Which agency took the lead in bombing cases?')?.sentenceId).toBe('s2');
		// too vague to look up
		expect(whereChosenBelongs('True', sentences, cited, topic)).toBeNull();
		expect(whereChosenBelongs('5', sentences, cited, topic)).toBeNull();
	});

	it('reads what the learner chose and how the answer may be written', () => {
		const options = [
			{ id: 'a', text: 'FBI' },
			{ id: 'b', text: 'ATF' }
		];
		const prompt = { type: 'multiple_choice' as const, stem: 'Which agency?', options };
		expect(chosenPhrase(prompt, { type: 'multiple_choice', optionId: 'a' })).toBe('FBI');
		expect(chosenPhrase(prompt, null)).toBeNull();
		expect(chosenPhrase({ type: 'true_false', stem: 's', statement: 't' }, { type: 'true_false', value: true })).toBeNull();
		expect(answerPhrases(prompt, { type: 'multiple_choice', correctOptionId: 'b' })).toEqual(['ATF']);
		expect(answerPhrases({ type: 'numeric', stem: 's' }, { type: 'numeric', value: 1500, tolerance: 0 })).toEqual(['1,500', '1500']);
	});

	it('keeps what an explanation adds and drops what only repeats the answer or the quote', () => {
		expect(explanationLead('The answer is 2005. The source says: “It began in 2005.” (Encyclopedia)')).toBe('');
		expect(explanationLead('The claim comes from GAO. The source says: “…”')).toBe('');
		expect(explanationLead('True. The source says: “…”')).toBe('');
		expect(explanationLead('False: the source says $40 million, not $24 million. The source says: “…”')).toBe('False: the source says $40 million, not $24 million.');
	});
});

describe('stems and labels', () => {
	it('sets the instruction apart from the statement it applies to', () => {
		expect(splitStem('Which year completes this statement? In _____ the project became a national initiative.')).toEqual({
			instruction: 'Which year completes this statement?',
			statement: 'In _____ the project became a national initiative.'
		});
		expect(splitStem('Put these events in order, earliest first.')).toEqual({ instruction: 'Put these events in order, earliest first.', statement: '' });
	});

	it('labels a blank by the kind of word it asks for', () => {
		expect(blankLabel('Fill in the blank with a year: In _____ it began.')).toBe('Year for the blank');
		expect(blankLabel('Fill in the blank with a fiscal year: In _____ it grew.')).toBe('Fiscal year for the blank');
		expect(blankLabel('Fill in the blank with the name of a program: The _____ gives traces.')).toBe('Name of the program for the blank');
		expect(blankLabel('Fill in the blank with the name of an organisation: The _____ said.')).toBe('Name of the organisation for the blank');
		expect(blankLabel('Something else _____')).toBe('Word or words for the blank');
	});
});
