import { isFound } from '../discover';
import { citeQuote, citeSentence } from '../citations';
import { type CourseKnowledge } from '../course';
import { isSelfContained } from '../lessons';
import { containsNormalised, overlap } from '../question-filters';
import { type Sentence } from '../types';
import { MAX_STEM_WORDS, notAsked, occurrences } from './blanks';
import { pointsBack } from './stands-alone';
import { BLANK, type Draft, type QuestionCorpus, choices, questionId, quoteExplanation, rankBy } from './corpus';

/**
 * Speakers that can be offered as "who said it" options for a lesson: those the lesson itself
 * quotes or names (the same topic), then those quoted elsewhere in the course.
 */
export function speakerPool(corpus: QuestionCorpus, lessonSentences: readonly Sentence[]): { lesson: Map<string, string>; course: Map<string, string> } {
	const lesson = new Map<string, string>();
	const course = coursePools.get(corpus) ?? new Map<string, string>();
	for (const sentence of lessonSentences) {
		for (const a of sentence.attributions) lesson.set(a.speakerId, a.speaker);
		for (const e of sentence.entities) {
			const entry = e.glossaryId ? corpus.knowledge.entry(e.glossaryId) : undefined;
			if (entry?.speaker) lesson.set(entry.id, entry.name);
		}
	}
	if (!coursePools.has(corpus)) {
		for (const sentence of corpus.sentences) {
			for (const a of sentence.attributions) course.set(a.speakerId, a.speaker);
			for (const e of sentence.entities) {
				const entry = e.glossaryId ? corpus.knowledge.entry(e.glossaryId) : undefined;
				if (entry?.speaker && !course.has(entry.id)) course.set(entry.id, entry.name);
			}
		}
		coursePools.set(corpus, course);
	}
	return { lesson, course };
}

/** the course's speakers, found once per corpus */
const coursePools = new WeakMap<QuestionCorpus, Map<string, string>>();

/** A person against people, a body against bodies; never an outlet or a press officer. */
export function plausibleSpeaker(id: string, answerId: string, knowledge: CourseKnowledge): boolean {
	const entry = knowledge.entry(id);
	const answer = knowledge.entry(answerId);
	if (!entry || !answer || notAsked(knowledge, entry)) return false;
	if (entry.kind !== answer.kind) return false;
	// a body against bodies of the same standing: a finding of an agency or a watchdog against other
	// public bodies, a campaign's claim against other campaigns and researchers
	return entry.kind === 'person' || speakerClass(entry.group, knowledge) === speakerClass(answer.group, knowledge);
}

export function speakerClass(group: string | undefined, knowledge: CourseKnowledge): string {
	return knowledge.policies.civilSocietyGroups.includes(group ?? '') ? 'civil-society' : 'public-body';
}

/** Two people of the same office ("an anonymous senior ATF official" and the ATF's acting chief) could be one person. */
export function sameOffice(a: string, b: string, knowledge: CourseKnowledge): boolean {
	const pa = knowledge.entry(a)?.partOf ?? [];
	const pb = knowledge.entry(b)?.partOf ?? [];
	return knowledge.entry(a)?.kind === 'person' && knowledge.entry(b)?.kind === 'person' && pa.some((p) => pb.includes(p));
}

export function speakerNamedIn(text: string, speakerId: string, knowledge: CourseKnowledge): boolean {
	return knowledge.aliasesOf(speakerId).some((alias) => containsNormalised(text, alias));
}

export function attributionQuestions(lessonId: string, sentence: Sentence, corpus: QuestionCorpus, lessonSentences: readonly Sentence[]): Draft[] {
	const drafts: Draft[] = [];
	// (most sentences quote nobody: the pools of speakers are built only for one that does)
	if (sentence.attributions.length === 0) return drafts;
	const { knowledge } = corpus;
	const pools = speakerPool(corpus, lessonSentences);
	for (const attribution of sentence.attributions) {
		const speakerEntry = knowledge.entry(attribution.speakerId);
		// who relayed a story (an outlet, a press officer) is not the claim's author worth learning
		if (!speakerEntry || notAsked(knowledge, speakerEntry) || /\bspokes(?:man|woman|person)\b/i.test(speakerEntry.role ?? '')) continue;
		if (sentence.statement.split(/\s+/).length > MAX_STEM_WORDS || /\b\d{2,}-\d{3}\b/.test(sentence.statement)) continue;
		if (!isSelfContained(sentence.statement.replace(attribution.speakerText, attribution.speaker), knowledge)) continue;
		// "“If this memo reflects…,” said…": a quotation shown alone must not point at what the article showed before it
		if (pointsBack(attribution.claim)) continue;
		let phrase = attribution.speakerText;
		if (occurrences(sentence.statement, phrase) !== 1 || /^(he|she|they|it)$/i.test(phrase)) continue;
		// blank the whole name: "the anonymous senior ATF official", "ATF Deputy Director Kenneth Melson"
		const at = sentence.statement.indexOf(phrase);
		// an acronym or a title before the name belongs to it ("ATF Deputy Director", "Homeland Security Secretary")
		const lead = /(?:\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Ss]ome|[Aa]nonymous|[A-Z]{2,6}|Deputy|Director|Secretary|Chief|Acting|[A-Z][a-z]+(?= (?:[A-Z][a-z]+ )*(?:Secretary|Director|Chief)\b))\s+)+$/.exec(sentence.statement.slice(0, at));
		if (lead) phrase = lead[0] + phrase;
		// "the U.S. Government Accountability Office (GAO)": the acronym is part of the name
		const acronym = /^ \([A-Z]{2,6}\)/.exec(sentence.statement.slice(at + attribution.speakerText.length));
		if (acronym) phrase += acronym[0];
		// "_____ also faults…": the "also" points at a claim the learner has not seen
		const claim = capitaliseName(sentence.statement.replace(phrase, BLANK).replace(`${BLANK} also `, `${BLANK} `));
		// "…purchase weapons, _____ ": the blank needs its verb after it
		if (new RegExp(`${BLANK}[,.\\s]*$`).test(claim)) continue;
		// "speaking on condition of anonymity" next to "An anonymous … official": the stem gives the answer away
		const stems = attribution.speaker
			.toLowerCase()
			.split(/[^a-z]+/)
			.filter((w) => w.length >= 5 && !['justice', 'department', 'general', 'government', 'officials', 'official', 'senior'].includes(w))
			.map((w) => w.slice(0, 6));
		if (stems.some((stem) => claim.toLowerCase().includes(stem))) continue;
		// "the report states": the sentence that names the report's author is cited too
		let naming: Sentence | undefined;
		if (!speakerNamedIn(sentence.text, attribution.speakerId, knowledge)) {
			const source = corpus.analysed.find((a) => a.source.id === sentence.sourceId)!;
			naming = source.sentences.find((s) => s.index < sentence.index && speakerNamedIn(s.text, attribution.speakerId, knowledge));
			if (!naming) continue;
		}
		const sides = sidesOf(sentence.id, corpus);
		const subjects = new Set(sentence.entities.filter((e) => (e.type === 'law' || e.type === 'program') && e.glossaryId && !knowledge.policies.subjects.includes(e.glossaryId)).map((e) => e.glossaryId));
		// the claim must not name its own speaker another way (a leak)
		if (knowledge.aliasesOf(attribution.speakerId).some((alias) => containsNormalised(claim, alias))) continue;
		if (claim.split(/\s+/).length < 8) continue;
		const candidates = (pool: Map<string, string>) =>
			rankBy(
				[...pool.entries()].filter(([id]) => plausibleSpeaker(id, attribution.speakerId, knowledge) && !knowledge.related(id, attribution.speakerId)),
				sentence.id,
				([id]) => id
			)
				// someone else saying much the same thing would make two options right
				.filter(([id]) => !sameOffice(id, attribution.speakerId, knowledge))
				// a body the sentence names (the finding's subject, "within ATF itself", or the report it
				// appeared in) and its parts are not offered as its author
				.filter(([id]) => ![id, ...(knowledge.entry(id)?.partOf ?? [])].some((named) => speakerNamedIn(claim, named, knowledge) || speakerNamedIn(sentence.text, named, knowledge) || (naming !== undefined && speakerNamedIn(naming.text, named, knowledge))))
				// someone (or a part of someone) on a side of the same question would make two options right
				.filter(([id]) => !corpus.sentences.some((s) => s.id !== sentence.id && s.attributions.some((a) => a.speakerId === id || knowledge.related(a.speakerId, id)) && (overlap(attribution.claim, s.text) >= 0.5 || sides.has(s.id) || s.entities.some((e) => e.glossaryId && subjects.has(e.glossaryId)))));
		// the lesson's own speakers first (same topic), then others quoted in the course
		const fromLesson = candidates(pools.lesson);
		const pick = (keep: (candidate: [string, string]) => boolean) =>
			[...fromLesson.filter(keep), ...candidates(pools.course).filter(keep).filter(([id]) => !fromLesson.some(([other]) => other === id))].slice(0, 3);
		// "_____ states that…": a plural speaker ("Mexican government officials states") would not read
		// as a sentence; singular speakers only, or, when there are too few, the verb in the past
		// tense ("_____ concluded"), which agrees with either
		let shownClaim = claim;
		let others = pick(() => true);
		const afterBlank = claim.slice(claim.indexOf(BLANK) + BLANK.length);
		// "_____ reported that they …", "… and is working": a pronoun or a second verb of the speaker's
		// tells its number, and with it the answer
		if (/^ \w+(?: \w+)? that (?:they|it|he|she)\b/.test(afterBlank)) continue;
		const singular = pick(([id]) => !isPluralName(knowledge.entry(id)?.name ?? ''));
		const plural = others.some(([id]) => isPluralName(knowledge.entry(id)?.name ?? '')) || isPluralName(attribution.speaker);
		if (plural && /\b(?:and|but) (?:is|has|was|does)\b/.test(afterBlank)) {
			if (singular.length < 3 || isPluralName(attribution.speaker)) continue;
			others = singular;
		}
		const verb = new RegExp(`^ (${Object.keys(PAST_TENSE).join('|')})\\b`).exec(afterBlank)?.[1];
		if (verb && others.some(([id]) => isPluralName(knowledge.entry(id)?.name ?? ''))) {
			if (singular.length === 3) others = singular;
			else shownClaim = claim.replace(`${BLANK} ${verb}`, `${BLANK} ${PAST_TENSE[verb]}`);
		}
		if (others.length < 3) continue;
		// an announcement is an act, not a claim; and options must be the same kind of speaker as the
		// answer (people against people, bodies named as bodies against bodies)
		if (/^announc/.test(attribution.verb)) continue;
		// (names found in a text only: the course file's speakers were chosen by hand)
		const answerKind = speakerKind(attribution.speaker, knowledge.entry(attribution.speakerId)?.kind);
		const found = [attribution.speakerId, ...others.map(([id]) => id)].some((id) => isFound(id));
		if (found && others.some(([id, name]) => speakerKind(name, knowledge.entry(id)?.kind) !== answerKind || answerKind === 'other')) continue;
		const citations = [citeSentence(sentence)];
		if (naming) citations.unshift(citeSentence(naming));
		const id = questionId(lessonId, 'attribution', citations, attribution.speakerId);
		const options = choices([attribution.speaker, ...others.map(([, name]) => name)].map(capitaliseName), id);
		const correct = options.find((o) => o.text === capitaliseName(attribution.speaker))!;
		drafts.push({
			id, lessonId, type: 'attribution',
			prompt: { type: 'attribution', stem: 'Who made this claim? Choose who fills the blank, according to the sources.', claim: shownClaim, options },
			answer: { type: 'attribution', correctOptionId: correct.id },
			explanation: quoteExplanation(corpus, citations.map((c) => corpus.sentences.find((s) => s.id === c.sentenceId)!), `The claim comes from ${attribution.speaker}.`),
			citations, topicText: sentence.text
		});
	}
	return drafts;
}

/** Verbs of saying in the present, as a claim's verb after its speaker, and their past tense. */
export const PAST_TENSE: Record<string, string> = {
	states: 'stated', finds: 'found', reports: 'reported', concludes: 'concluded', faults: 'faulted', claims: 'claimed',
	says: 'said', opposes: 'opposed', identifies: 'identified', accuses: 'accused'
};

/** "Mexican government officials", "ATF agents": a plural noun last ("Congress", "GAO" are not). */
export function isPluralName(name: string): boolean {
	return /(?<![su])s$/.test(name.split(/\s+/).at(-1) ?? '');
}

/** Sentences on the other sides of any known disagreement this sentence is part of. */
export function sidesOf(sentenceId: string, corpus: QuestionCorpus): Set<string> {
	const sides = new Set<string>();
	for (const d of corpus.knowledge.disagreements) {
		const ids = d.claims.flatMap((claim) => {
			const source = corpus.analysed.find((a) => a.source.id === claim.sourceId);
			const citation = source && citeQuote(source, claim.quote);
			return citation ? [citation.sentenceId] : [];
		});
		if (ids.includes(sentenceId)) for (const id of ids) sides.add(id);
	}
	return sides;
}

export function capitaliseName(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

const BODY_WORD = /\b(?:Department|Bureau|Office|Agency|Administration|Service|Committee|Subcommittee|Commission|Council|Court|Congress|Senate|House|Party|Foundation|Institute|University|Association|Coalition|Campaign|Center|Centre|Board|Division|Police|Army|Navy|Government|Ministry|Patrol|Guard)\b/;

/** "person", "body" (a name that reads as an organisation: a head word or an acronym), or "other" (found names like "Villa Union", "Racial Equality"). */
export function speakerKind(name: string, kind: string | undefined): 'person' | 'body' | 'other' {
	if (kind === 'person') return 'person';
	if (BODY_WORD.test(name) || /^(?:the )?[A-Z]{2,6}$/.test(name) || /^(?:the )?(?:[A-Z][\w.-]+ )*[A-Z]{2,6}$/.test(name)) return 'body';
	return 'other';
}
