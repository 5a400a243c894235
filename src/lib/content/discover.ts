import type { CourseKnowledge, GlossaryEntry } from './course';
import { places } from './data/places';
import { findNames } from './names';
import type { RawSentence } from './segment';

/**
 * Names found in the texts themselves, so nothing depends on a hand-written glossary: people
 * (with their titles and surnames merged: "President Reagan" = "Ronald Reagan" = "Reagan"),
 * organisations (an acronym with its long form, or a name ending in "Department", "Committee",
 * "Party"…), laws ("… Act"), and programs and operations. Each becomes a glossary entry with an
 * id of its own ("x-…"); an entry of the course file that already names it wins, so the course
 * file refines and overrides what is found here.
 */

const TITLES =
	/^(?:(?:U\.S\.|US|Former|former|Then|then|Acting|Deputy|Associate|Assistant|Vice|Chief|Senior|Top|Federal|State|District)\s+)*(?:President|Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|Governor|Gov\.|Mayor|Judge|Justice|Director|Secretary|Attorney General|General|Gen\.|Agent|Ambassador|Chairman|Chairwoman|Speaker|Majority Leader|Minority Leader|Chair|Commissioner|Administrator|Advisor|Adviser|Spokesman|Spokeswoman|Prosecutor|Professor|Historian|Dr\.|Mr\.|Mrs\.|Ms\.|Sir|Lord|King|Queen|Pope|Prime Minister|Minister|Chancellor|Detective|Sheriff|Officer|Sergeant|Captain|Colonel|Lieutenant|Major|Officials?)\s+/;
const PERSON_FALSE = /["“”]|\bv\.|\b(?:Harbor|Bay|Mountain|Lake|Case|Act|Acts|Department|Office|Bureau|Committee|Campaign|Party|Center|Institute|University|Operation|Project|Program|Initiative|Report|Law|News|Times|Post|Journal|Street|Avenue|Road|River|County|State|States|City|Island|Court|House|Senate|Congress|Army|Navy|War|Day|Week|Award|Prize)\b/;
const ORG_HEAD =
	'Department|Agency|Bureau|Office|Commission|Committee|Subcommittee|Service|Services|Administration|Association|Foundation|Institute|University|College|Center|Centre|Council|Court|Party|Movement|Campaign|Union|Corporation|Company|Organization|Organisation|Army|Navy|Police|Patrol|Congress|Senate|Conference|Coalition|Network|Board|Authority|Ministry|Cartel|Laboratory|Division|Unit|Task Force';
const NAME_WORD = "[A-Z][\\w.&'’-]*";
const ORG = new RegExp(`\\b((?:${NAME_WORD}\\s+){0,5}(?:${ORG_HEAD})(?:\\s+(?:of|for|on|to)\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+(?:and\\s+)?${NAME_WORD}){0,4})?)`, 'g');
const LAW = new RegExp(`\\b((?:${NAME_WORD}\\s+(?:and\\s+|of\\s+|for\\s+|on\\s+)?){1,6}(?:Act|Acts|Bill|Resolutions?|Amendment|Treaty|Accords?|Doctrine|Order \\d+)(?:\\s+of\\s+\\d{4})?)\\b`, 'g');
/** the last word of a report's or a plan's name */
const DOCUMENT_NAME = /\b(?:Assessment|Report|Study|Plan|Strategy|Review|Survey|Index|Database|Memorandum|Guidelines?)$/;
/** "the Freedom of the Press Foundation": a name of the form "X of the Y Foundation" */
const X_OF_Y_BODY = new RegExp(`\\b(${NAME_WORD}\\s+of\\s+(?:the\\s+)?${NAME_WORD}\\s+(?:Foundation|Institute|Association|Society|Fund|League|Alliance))\\b`, 'g');
/** "Select Committee", "Special Committee": a kind of body, not the name of one */
const GENERIC_BODY = /^(?:Select|Special|Standing|Joint|Executive|Central|National|Federal|General|Permanent|Advisory)\s+(?:Committee|Subcommittee|Commission|Council|Office|Board|Agency|Department)$/;
const JOINT_COMMITTEE = new RegExp(`\\b((?:${NAME_WORD}\\s+){1,4}and\\s+(?:${NAME_WORD}\\s+){1,4}(?:Committee|Subcommittee|Commission))\\b`, 'g');
const PROGRAM = new RegExp(`\\b((?:Operation|Project)\\s+${NAME_WORD}(?:\\s+(?:and\\s+)?${NAME_WORD}){0,3}|(?:${NAME_WORD}\\s+){1,4}(?:Program|Programme|Initiative|Strategy))`, 'g');
const ACRONYM = /((?:[A-Z][\w’'.&–-]*)(?:,?\s+(?:of|and|for|the|in|order|to|on|[A-Z][\w’'.&–-]*))*)\s+\(([A-Z][A-Za-z]{1,7})\)/g;
/** words a name of a thing never starts with */
const LEADING_JUNK = /^(?:(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|In|On|At|By|For|From|With|Under|After|Before|During|Since|When|While|Although|As|And|But|Or|If|According to|Despite|Through|Upon|Both|Each|Every|Some|Many|Most|All|No|New|Former|Then|Later|Also|However|Meanwhile|Moreover)\s+)+/;

/** An entry found in the texts rather than written in the course file. */
export function isFound(id: string): boolean {
	return id.startsWith('x-');
}

function slug(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);
}

function tidy(name: string): string {
	return name
		.trim()
		.replace(/[’']s?$/u, '')
		.replace(/[\s,.;:]+$/u, '')
		.replace(LEADING_JUNK, '')
		// "Federalist-controlled Congress": who controlled it describes the body; the body is "Congress"
		.replace(/^\p{Lu}\p{L}*-(?:controlled|led|backed|based|dominated|run|owned|funded)\s+/u, '')
		.trim();
}

type PlaceKind = 'country' | 'state';
const PLACES: [string, PlaceKind][] = [...places.country.map((p): [string, PlaceKind] => [p, 'country']), ...places.state.map((p): [string, PlaceKind] => [p, 'state'])];

interface Found {
	placeKind?: PlaceKind;
	kind: GlossaryEntry['kind'];
	name: string;
	aliases: Set<string>;
	mentions: number;
	role?: string;
	group?: string;
}

function orgGroup(name: string): string {
	if (/\b(Party|Movement|Campaign|Association|Foundation|Union|Coalition|Network|Council)\b/.test(name)) return 'civil-society';
	if (/\b(University|College|Institute|Center|Centre|Laboratory)\b/.test(name)) return 'research';
	if (/\b(Cartel|Company|Corporation)\b/.test(name)) return 'private';
	// "Secret Army Organization", "Black Liberation Army": an armed or underground group, not a public body
	if (/\b(Secret|Militia|Liberation|Brigades?|Gang|Front|Underground|Klan)\b/.test(name)) return 'militant';
	// "Student Nonviolent Coordinating Committee": a movement's committee, not a legislature's
	if (/\bCommittee\b/.test(name) && /\b(Students?|Nonviolent|Coordinating|Organizing|Action|Defen[cs]e|Citizens'?|People's|Solidarity|Liberation|Freedom)\b/.test(name)) return 'civil-society';
	if (/\b(Congress|Senate|House|Committee|Subcommittee)\b/.test(name)) return 'legislature';
	return 'government';
}

/** Finds the names of a corpus and returns them as glossary entries the course file lacks. */
export function discoverEntries(sentences: readonly RawSentence[], knowledge: CourseKnowledge): GlossaryEntry[] {
	const known = (text: string) => knowledge.aliasIndex.some(({ alias }) => alias === text) || knowledge.glossary.some((e) => e.name === text);
	/** the course's names blanked out of a sentence: nothing found may overlap one */
	const masked = (text: string) => {
		let out = text;
		for (const { alias } of knowledge.aliasIndex) {
			if (alias.length < 3 || !out.includes(alias)) continue;
			out = out.split(alias).join('§'.repeat(alias.length));
		}
		return out;
	};
	/** a usable name: no possessive or bracket inside, nothing the course already names */
	const usable = (name: string) => !/[’']s\s|[()§]|,/.test(name) && name.split(/\s+/).length >= 2 && !known(name) && /^\p{Lu}/u.test(name);
	const found = new Map<string, Found>();
	const note = (kind: Found['kind'], name: string, extra: { role?: string; group?: string; aliases?: string[]; placeKind?: PlaceKind } = {}) => {
		const key = `${kind}:${name}`;
		const entry: Found = found.get(key) ?? { kind, name, aliases: new Set([name]), mentions: 0 };
		entry.mentions++;
		if (extra.role && !entry.role) entry.role = extra.role;
		if (extra.group) entry.group = extra.group;
		if (extra.placeKind) entry.placeKind = extra.placeKind;
		for (const alias of extra.aliases ?? []) entry.aliases.add(alias);
		found.set(key, entry);
	};

	// people: compromise's names, without their titles; the title or an apposition is their role
	const people = new Map<string, { full: string; role?: string; mentions: number }>();
	for (const sentence of sentences) {
		const text = sentence.text;
		for (const raw of findNames(text).people) {
			let name = tidy(raw).replace(/(?:\.?\s+(?:While|When|And|But|As|After|Before|Although|Under|In))+$/, '');
			const title = TITLES.exec(name);
			let role = title ? title[0].trim() : undefined;
			if (title) name = name.slice(title[0].length);
			if (!/^\p{Lu}/u.test(name) || PERSON_FALSE.test(name) || /[\d()§]/.test(name) || masked(name) !== name) continue;
			// "Jacob Chambers Case (2007)", "Woodrow Wilson Center": a case or a body named after someone is not the person
			const after = text.slice(text.indexOf(raw) + raw.length);
			if (new RegExp(`^\\s+(?:Case|case|v\\.|Act|${ORG_HEAD})\\b`).test(after)) continue;
			// "Laura Duffy, the top federal prosecutor in San Diego, said": an apposition is a role
			const apposition = /^,\s+((?:the|a|an)\s+[a-z][^,]{3,70}?),/.exec(after);
			if (!role && apposition && !/\b(who|which|said|told)\b/.test(apposition[1])) role = apposition[1];
			// "U.S. District Judge David Bury": the title written before the name
			const before = text.slice(0, text.indexOf(raw));
			const titled = /((?:[A-Z][\w.]*\s+){0,3}(?:President|Senator|Judge|Director|Secretary|Attorney General|Agent|Ambassador|Representative|Governor|Mayor|Chairman|Spokesman)\s+|(?:[A-Z][\w.]*\s+){1,3}(?:journalist|historian|reporter|activist|professor|official|prosecutor|editor|congressman|citizen|spokesman|spokeswoman|spokesperson)\s+)$/.exec(before);
			// "the CIA Inspector General, John Helgerson, is…": a role set before the name between commas
			const roleBefore = /\b(?:the|a|an)\s+((?:[\p{L}.'’-]+\s+){0,5}[\p{L}.'’-]+),\s*$/u.exec(before);
			if (!role && !titled && roleBefore && /^,/.test(after) && /\p{Ll}|\p{Lu}{2}/u.test(roleBefore[1]) && !/\b(?:and|or|said|who|which)\b/.test(roleBefore[1])) role = `the ${roleBefore[1]}`;
			if (titled) role = titled[1].trim();
			// "Deputy Attorney General Lisa Monaco": the words of the title before the one compromise kept
			else if (title) {
				const lead = /((?:[A-Z][\w.]*\s+){1,3})$/.exec(before);
				if (lead && !/^(?:On|In|At|By|The|A|An|When|After)\b/.test(lead[1])) role = `${lead[1]}${role}`.trim();
			}
			const entry = people.get(name) ?? { full: name, mentions: 0 };
			entry.mentions++;
			if (role && !entry.role) entry.role = role;
			people.set(name, entry);
		}
	}
	// merge by surname: "Reagan" and "President Reagan" join "Ronald Reagan" when only one full name has that surname
	const surnameOf = (name: string) => name.split(/\s+/).at(-1)!;
	const full = [...people.keys()].filter((n) => n.split(/\s+/).length >= 2);
	const bySurname = new Map<string, string[]>();
	for (const n of full) bySurname.set(surnameOf(n), [...(bySurname.get(surnameOf(n)) ?? []), n]);
	// "Martin Luther King" is "Martin Luther King Jr."
	for (const name of [...people.keys()]) {
		const longer = [...people.keys()].find((other) => other !== name && other.startsWith(`${name} `) && /^(?:Jr|Sr)\.?$/.test(other.slice(name.length + 1)));
		if (longer) {
			people.get(longer)!.mentions += people.get(name)!.mentions;
			people.delete(name);
		}
	}
	for (const n of [...bySurname.keys()]) bySurname.set(n, bySurname.get(n)!.filter((full) => people.has(full)));
	for (const [name, info] of people) {
		if (name.split(/\s+/).length >= 2) {
			const surname = /\s(?:Jr|Sr)\.?$/.test(name) ? name.split(/\s+/).at(-2)! : surnameOf(name);
			const unique = bySurname.get(surname)!.length === 1;
			// "Martin Luther King Jr." is also "King"
			const stem = name.replace(/\s+(?:Jr|Sr)\.?$/, '');
			const aliases = [...(stem !== name ? [stem] : []), ...((bySurname.get(surnameOf(name))?.length ?? 0) <= 1 && (bySurname.get(surname)?.length ?? 0) <= 1 && unique ? [surname] : [])];
			if (known(name)) continue;
			note('person', name, { role: info.role, aliases: aliases.filter((a) => a.length > 2 && !known(a)) });
			found.get(`person:${name}`)!.mentions += info.mentions - 1;
		} else {
			const owners = bySurname.get(name) ?? [];
			if (owners.length === 1) {
				const owner = found.get(`person:${owners[0]}`);
				if (owner) owner.mentions += info.mentions;
			}
		}
	}

	for (const sentence of sentences) {
		const text = masked(sentence.text);
		// "Government Accountability Office (GAO)": the long form and its acronym are one organisation
		for (const m of text.matchAll(ACRONYM)) {
			// "Director of the Bureau of Alcohol, Tobacco, … (ATF)", "the SEC and the Federal Trade Commission (FTC)": the name the acronym stands for
			const long = m[1]
				.replace(/^.*\s+and\s+the\s+/, '')
				.replace(/^(?:Director|Head|Chief|Chairman|Secretary|Member|Members|Part|Office|Administrator)\s+of\s+the\s+/, '')
				.replace(/^(?:(?:of|and|for|the|in|order|to|on)\s+)+/, '');
			const name = tidy(long);
			if (!usable(name.replace(/,/g, '')) || known(m[2])) continue;
			// "…National Firearms Commerce and Trafficking Assessment (NFCTA)": a document, not a body
			if (DOCUMENT_NAME.test(name)) continue;
			const kind: Found['kind'] = /\b(?:Act|Bill)\b/.test(name) ? 'law' : /^(?:Operation|Project)\b|\b(?:Program|Initiative)$/.test(name) ? 'program' : 'organisation';
			note(kind, name, { aliases: [m[2]], ...(kind === 'organisation' ? { group: orgGroup(name) } : {}) });
		}
		// "the Homeland Security and Government Affairs Committee": a legislature's committee is named for its
		// subjects, joined by "and", and may hold a course name
		for (const m of sentence.text.matchAll(X_OF_Y_BODY)) {
			const name = tidy(m[1]);
			// one body whether written "of the Press" or "of Press"
			if (usable(name)) note('organisation', name.replace(/\sof\s(?!the\s)/, ' of the '), { group: orgGroup(name), aliases: [name, name.replace(/\sof the\s/, ' of ')] });
		}
		for (const m of sentence.text.matchAll(JOINT_COMMITTEE)) {
			const name = tidy(m[1]);
			if (usable(name)) note('organisation', name, { group: orgGroup(name) });
		}
		// (read in the text as written: a course name inside a longer one is part of it, "the National
		// Association of Assistant United States Attorneys"; one that opens it is the course's, "ATF Phoenix Field Division")
		for (const m of sentence.text.matchAll(ORG)) {
			const name = tidy(m[1]);
			// (a course name strictly inside it, with words of the name on both sides; "U.S. Bureau of Alcohol" is a course name cut short)
			const at = m.index + m[1].indexOf(name);
			const region = text.slice(at, at + name.length);
			if (region.startsWith('§') || region.endsWith('§') || !usable(name) || GENERIC_BODY.test(name)) continue;
			note('organisation', name, { group: orgGroup(name) });
		}
		// a law is named after its subject: "the Inspector General Reform Act of 2007" holds a course name
		for (const m of sentence.text.matchAll(LAW)) {
			const name = tidy(m[1]);
			if (!usable(name)) continue;
			note('law', name, { group: /\bBill\b/.test(name) ? 'bill' : undefined });
		}
		for (const m of text.matchAll(PROGRAM)) {
			const name = tidy(m[1]);
			if (!usable(name)) continue;
			note('program', name, { group: /^Operation\b/.test(name) ? 'operation' : undefined });
		}
	}

	// countries and states: a place alone, not part of a longer name ("New Mexico", "Texas Rangers")
	for (const sentence of sentences)
		for (const [name, placeKind] of PLACES) {
			const at = sentence.text.indexOf(name);
			if (at < 0 || known(name)) continue;
			const before = sentence.text.slice(0, at);
			const after = sentence.text.slice(at + name.length);
			if (/\p{Lu}[\p{L}.'’-]*\s+$/u.test(before) && !/(?:^|[.!?]\s+)\p{Lu}\p{L}*\s+$/u.test(before) || /^[\p{L}\p{N}]|^\s+\p{Lu}/u.test(after)) continue;
			note('place', name, { placeKind });
		}

	// an alias already claimed by another found entry (or the course) is ambiguous: dropped
	const claimed = new Map<string, number>();
	for (const f of found.values()) for (const a of f.aliases) claimed.set(a, (claimed.get(a) ?? 0) + 1);
	const entries: GlossaryEntry[] = [];
	const usedIds = new Set(knowledge.glossary.map((e) => e.id));
	// "Press Foundation" of "the Freedom of the Press Foundation", "Government Affairs Committee" of the
	// "Homeland Security and …": the end of a longer body's name, cut off, is not another body
	const bodies = [...found.values()].filter((f) => f.kind === 'organisation');
	for (const f of bodies) if (bodies.some((g) => g !== f && [...g.aliases].some((a) => a.endsWith(` ${f.name}`)))) found.delete(`organisation:${f.name}`);
	for (const f of [...found.values()].sort((a, b) => a.name.localeCompare(b.name))) {
		// a longer name found elsewhere that contains this one ("Alien Enemies Act" in "revised Alien Enemies Act") is the same
		let id = `x-${slug(f.name)}`;
		for (let n = 2; usedIds.has(id); n++) id = `x-${slug(f.name)}-${n}`;
		usedIds.add(id);
		const aliases = [...f.aliases].filter((a) => a === f.name || claimed.get(a) === 1);
		entries.push({
			id,
			name: f.name,
			kind: f.kind,
			aliases: aliases.sort((a, b) => b.length - a.length),
			...(f.group ? { group: f.group } : {}),
			...(f.role ? { role: f.role } : {}),
			...(f.placeKind ? { placeKind: f.placeKind } : {}),
			...(f.kind === 'person' || f.kind === 'organisation' ? { speaker: true } : {})
		});
	}
	return entries;
}
