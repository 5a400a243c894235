import { citeSentence } from './citations';
import { digest } from './hash';
import { overlap } from './question-filters';
import { terms } from './routing';
import type { LessonDisagreement, Sentence } from './types';

/**
 * "The sources disagree" callouts proposed from the text, beside the course file's curated ones:
 * two sentences giving different figures for the same quantity ("about 2,000 guns" against
 * "1,856 guns"), different years for the same event, or opposed claims from two named speakers
 * (one says what the other denies).
 */

const AUTO_LIMIT = 3;
const NEGATION = /\b(not|no|never|denied|denies|deny|disputed|rejected|false|nothing)\b/i;

/** What a number counts: the noun after it ("1,856 guns" → "gun"). */
function countedNoun(sentence: Sentence, end: number): string | undefined {
	const after = sentence.text.slice(end - sentence.start).trim().split(/\s+/).slice(0, 3).join(' ');
	const noun = /^(?:of the |more )?([a-z]{3,})/i.exec(after)?.[1]?.toLowerCase();
	if (!noun || /^(of|and|to|in|the|a|an|for|were|was|had|have|from|percent|million|billion|thousand|more|than|people|times|years|months|days)$/.test(noun)) return undefined;
	const singular = noun.replace(/(?:es|s)$/, '');
	// the same thing under other words: "2,000 weapons" and "1,856 guns"
	return /^(gun|firearm|weapon|rifle|handgun|pistol)$/.test(singular) ? 'gun' : singular;
}

function label(sentence: Sentence, sourceTitles: ReadonlyMap<string, string>): string {
	const speaker = sentence.attributions[0]?.speaker;
	return speaker ? speaker.charAt(0).toUpperCase() + speaker.slice(1) : `${sourceTitles.get(sentence.sourceId) ?? sentence.sourceId}, ${sentence.sectionTitle}`;
}

export function findDisagreements(sentences: readonly Sentence[], sourceTitles: ReadonlyMap<string, string>, taken: ReadonlySet<string> = new Set()): LessonDisagreement[] {
	const found: LessonDisagreement[] = [];
	const used = new Set(taken);
	const propose = (a: Sentence, b: Sentence, title: string, note: string) => {
		if (found.length >= AUTO_LIMIT || used.has(a.id) || used.has(b.id)) return;
		used.add(a.id);
		used.add(b.id);
		found.push({
			id: `auto-${digest([a.id, b.id], 10)}`,
			title,
			note,
			claims: [a, b].map((s) => ({ label: label(s, sourceTitles), sourceTitle: sourceTitles.get(s.sourceId) ?? s.sourceId, citation: citeSentence(s) }))
		});
	};
	const counts = sentences.flatMap((s) =>
		s.entities.flatMap((e) => {
			if (e.type !== 'cardinal' || e.value === undefined || e.value < 20) return [];
			const noun = countedNoun(s, e.end);
			return noun ? [{ sentence: s, value: e.value, noun, text: e.text }] : [];
		})
	);
	for (let i = 0; i < counts.length; i++) {
		for (let j = i + 1; j < counts.length; j++) {
			const a = counts[i];
			const b = counts[j];
			// two sources on one count: within one text, two figures are usually two different counts
			if (a.sentence.sourceId === b.sentence.sourceId || a.noun !== b.noun || a.value === b.value) continue;
			const ratio = Math.max(a.value, b.value) / Math.min(a.value, b.value);
			// "372 recovered" against "nearly 270": close enough to be one quantity, far enough to differ
			if (ratio > 1.6) continue;
			const other = new Set(terms(b.sentence.statement));
			const sharedTerms = new Set(terms(a.sentence.statement).filter((w) => other.has(w))).size;
			if (sharedTerms < 3) continue;
			propose(a.sentence, b.sentence, `How many ${a.noun}s?`, `One passage gives ${a.text}, another ${b.text}, apparently for the same count.`);
		}
	}
	// the same event with two different years
	const dated = sentences.flatMap((s) => {
		const years = [...new Set(s.entities.filter((e) => e.type === 'year' || e.type === 'date').map((e) => e.year).filter((y): y is number => y !== undefined))];
		return years.length === 1 ? [{ sentence: s, year: years[0] }] : [];
	});
	for (let i = 0; i < dated.length; i++)
		for (let j = i + 1; j < dated.length; j++) {
			const a = dated[i];
			const b = dated[j];
			if (a.year === b.year) continue;
			const strip = (t: string) => t.replace(/\b(1[5-9]|20)\d{2}\b/g, '');
			if (overlap(strip(a.sentence.text), strip(b.sentence.text)) < 0.6 || overlap(strip(b.sentence.text), strip(a.sentence.text)) < 0.6) continue;
			propose(a.sentence, b.sentence, 'When did it happen?', `The same event is dated ${a.year} in one passage and ${b.year} in another.`);
		}
	// opposed claims: two named speakers on the same matter, one denying what the other says
	const claims = sentences.flatMap((s) => s.attributions.map((a) => ({ sentence: s, speakerId: a.speakerId, claim: a.claim })));
	for (let i = 0; i < claims.length; i++)
		for (let j = i + 1; j < claims.length; j++) {
			const a = claims[i];
			const b = claims[j];
			if (a.speakerId === b.speakerId || a.sentence.id === b.sentence.id) continue;
			if (NEGATION.test(a.claim) === NEGATION.test(b.claim)) continue;
			if (overlap(a.claim, b.claim) < 0.3 && overlap(b.claim, a.claim) < 0.3) continue;
			propose(a.sentence, b.sentence, 'Who is right?', 'Two named sources say opposite things about the same matter.');
		}
	return found;
}
