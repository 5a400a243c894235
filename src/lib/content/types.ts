import { type Speech } from './speech';
import type { Citation } from './question-types';

/** A source document as the pipeline receives it (metadata from sources.json, raw text untouched). */
export interface SourceInput {
	id: string;
	title: string;
	kind: string;
	publisher: string;
	/** "2007-11-08", "2019": when it was published or spoken */
	published?: string;
	rawText: string;
}

export type LineKind = 'title' | 'heading' | 'prose' | 'list' | 'chrome' | 'caption';

/** One classified line of a raw text; offsets point into the raw text (end exclusive). */
export interface ClassifiedLine {
	kind: LineKind;
	start: number;
	end: number;
	text: string;
	/** why a line was dropped (chrome, caption), shown in tests and debugging */
	reason?: string;
	/** heading depth: 1 for a page title, 2 for ==Section== */
	level?: number;
	/**
	 * the raw offset of each character of `text`, where `text` is not a plain slice of the raw
	 * text (markup removed, hard-wrapped lines joined)
	 */
	map?: number[];
}

export type EntityType =
	| 'year'
	| 'date'
	| 'fiscal_year'
	| 'year_range'
	| 'cardinal'
	| 'money'
	| 'percent'
	| 'ordinal'
	| 'duration'
	| 'organisation'
	| 'person'
	| 'place'
	| 'program'
	| 'law'
	| 'term';

export interface Entity {
	type: EntityType;
	/** exact text as in the source */
	text: string;
	/** offsets into the raw text */
	start: number;
	end: number;
	/** numeric value for numbers, money (in dollars), percentages, years */
	value?: number;
	/** calendar position for dated entities */
	year?: number;
	month?: number;
	day?: number;
	/** "about", "nearly", "at least": the number is not exact */
	approximate?: boolean;
	/** glossary id when the entity is a known name */
	glossaryId?: string;
	/** for organisations defined as "Long Name (ACR)" */
	acronym?: string;
}

/** Who said, reported, accused or claimed what; the speaker is always a named person or body. */
export interface Attribution {
	speakerId: string;
	speaker: string;
	/** the words of the statement that name the speaker ("the report", "Gun Owners of America") */
	speakerText: string;
	verb: string;
	claim: string;
}

export interface Sentence {
	id: string;
	sourceId: string;
	sectionId: string;
	sectionTitle: string;
	paragraphIndex: number;
	/** index of the sentence in its source, in reading order */
	index: number;
	start: number;
	end: number;
	text: string;
	/** the sentence made self-contained by the rewrite table, for stems and timeline entries */
	statement: string;
	entities: Entity[];
	attributions: Attribution[];
}

export interface Section {
	id: string;
	title: string;
	level: number;
	start: number;
	end: number;
}

export interface Paragraph {
	index: number;
	sectionId: string;
	start: number;
	end: number;
	sentenceIds: string[];
}

/** A cleaned, segmented and analysed source. */
export interface AnalysedSource {
	source: SourceInput;
	lines: ClassifiedLine[];
	sections: Section[];
	paragraphs: Paragraph[];
	sentences: Sentence[];
	/** a record of a speech: its sentences are asked as the speaker's quoted words */
	speech?: Speech;
}

export interface TimelineEvent {
	id: string;
	year: number;
	month?: number;
	day?: number;
	/** the date as written: "June 2011", "2005" */
	dateText: string;
	/** what happened, as a self-contained statement */
	text: string;
	citation: Citation;
}

export interface KeyFigure {
	value: string;
	/** what the number counts, in the source's words */
	counts: string;
	citation: Citation;
}

export interface Actor {
	id: string;
	name: string;
	kind: 'person' | 'organisation';
	/** e.g. "Deputy Director of the ATF" from the glossary */
	role?: string;
	mentions: number;
	citation: Citation;
}

export interface Perspective {
	speakerId: string;
	speaker: string;
	verb: string;
	claim: string;
	citation: Citation;
}

export interface DisagreementClaim {
	label: string;
	sourceTitle: string;
	citation: Citation;
}

export interface LessonDisagreement {
	id: string;
	title: string;
	note: string;
	claims: DisagreementClaim[];
}

export interface Passage {
	sourceId: string;
	sourceTitle: string;
	sectionTitle: string;
	sentences: Citation[];
}

/** Everything a lesson page shows; generated, then stored as the lesson's body. */
export interface LessonDocument {
	id: string;
	position: number;
	title: string;
	summary: string;
	objectives: { id: string; text: string }[];
	/** true for a lesson made for a source that matched no outline topic */
	generated: boolean;
	passages: Passage[];
	timeline: TimelineEvent[];
	figures: KeyFigure[];
	actors: Actor[];
	perspectives: Perspective[];
	disagreements: LessonDisagreement[];
	sources: { id: string; title: string; publisher: string }[];
}
