/**
 * Hand-written knowledge the texts take for granted: which names are the same thing (BATF = ATF),
 * which are part of which (Fast and Furious is part of Gunrunner's story; Phoenix is in Arizona),
 * and what kind of thing each is, so distractors are always of the same kind and never also true.
 */

export type GlossaryKind = 'organisation' | 'person' | 'place' | 'program' | 'law' | 'term';
export type PlaceKind = 'country' | 'state' | 'city' | 'region';

export interface GlossaryEntry {
	id: string;
	name: string;
	kind: GlossaryKind;
	/** other spellings as they appear in the texts (longest are matched first) */
	aliases: string[];
	/** ids this entry is part of: never offered as distractors of each other */
	partOf?: string[];
	/** distractors come from the same group: U.S. agencies against U.S. agencies */
	group?: string;
	placeKind?: PlaceKind;
	role?: string;
	/** a named person or body that can be quoted as the source of a claim */
	speaker?: boolean;
}

export const GLOSSARY: GlossaryEntry[] = [
	{ id: 'atf', name: 'ATF', kind: 'organisation', group: 'us-agency', partOf: ['doj'], speaker: true, role: 'Bureau of Alcohol, Tobacco, Firearms and Explosives, the federal agency that runs Project Gunrunner',
		aliases: ['U.S. Bureau of Alcohol, Tobacco, Firearms and Explosives', 'Bureau of Alcohol, Tobacco, Firearms and Explosives', 'BATF', 'ATF'] },
	{ id: 'doj', name: 'Department of Justice', kind: 'organisation', group: 'us-department', speaker: true, role: 'the federal department the ATF belongs to',
		aliases: ['Department of Justice', 'Justice Department', 'DOJ'] },
	{ id: 'oig', name: "the Justice Department's Inspector General", kind: 'organisation', group: 'oversight', speaker: true, partOf: ['doj'], role: "the Justice Department's internal watchdog, author of the draft report on Project Gunrunner",
		aliases: ['Office of Inspector General', 'inspector general', 'Inspector General', 'OIG'] },
	{ id: 'gao', name: 'GAO', kind: 'organisation', group: 'oversight', speaker: true, role: 'U.S. Government Accountability Office, the investigative arm of Congress',
		aliases: ['U.S. Government Accountability Office', 'Government Accountability Office', 'GAO'] },
	{ id: 'fbi', name: 'FBI', kind: 'organisation', group: 'us-agency', partOf: ['doj'], aliases: ['Federal Bureau of Investigation', 'FBI'] },
	{ id: 'dea', name: 'DEA', kind: 'organisation', group: 'us-agency', partOf: ['doj'], aliases: ['Drug Enforcement Administration', 'DEA'] },
	{ id: 'ice', name: 'ICE', kind: 'organisation', group: 'us-agency', partOf: ['dhs'], aliases: ['Office of Immigration and Customs Enforcement', 'Immigration and Customs Enforcement', 'ICE'] },
	{ id: 'cbp', name: 'CBP', kind: 'organisation', group: 'us-agency', partOf: ['dhs'], aliases: ['Customs and Border Protection', 'CBP', 'Border Patrol'] },
	{ id: 'dhs', name: 'Department of Homeland Security', kind: 'organisation', group: 'us-department', aliases: ['Department of Homeland Security', 'Homeland Security', 'DHS'] },
	{ id: 'state-dept', name: 'U.S. Department of State', kind: 'organisation', group: 'us-department', aliases: ['U.S. Department of State', 'Department of State', 'State Department'] },
	{ id: 'texas-dps', name: 'Texas Department of Public Safety', kind: 'organisation', group: 'state-agency', aliases: ['Texas Department of Public Safety'] },
	{ id: 'usao', name: "U.S. Attorney's Office", kind: 'organisation', group: 'us-agency', partOf: ['doj'], aliases: ['USAO'] },
	{ id: 'congress', name: 'Congress', kind: 'organisation', group: 'legislature', speaker: true, aliases: ['Congress'] },
	{ id: 'senate', name: 'Senate', kind: 'organisation', group: 'legislature', partOf: ['congress'], aliases: ['Senate'] },
	{ id: 'senate-judiciary', name: 'Senate Judiciary Committee', kind: 'organisation', group: 'legislature', partOf: ['senate', 'congress'], aliases: ['Senate Judiciary Committee'] },
	{ id: 'goa', name: 'Gun Owners of America', kind: 'organisation', group: 'advocacy', speaker: true, role: 'a gun-rights group', aliases: ['Gun Owners of America'] },
	{ id: 'brady', name: 'Brady Campaign Against Gun Violence', kind: 'organisation', group: 'advocacy', speaker: true, role: 'a gun-control group',
		aliases: ['Brady Campaign Against Gun Violence', 'Brady Campaign'] },
	{ id: 'nra', name: 'National Rifle Association', kind: 'organisation', group: 'advocacy', speaker: true, role: 'a gun-rights group', aliases: ['National Rifle Association', 'NRA'] },
	{ id: 'nbc', name: 'NBC News', kind: 'organisation', group: 'media', aliases: ['NBC News'] },
	{ id: 'tpm', name: 'TPM', kind: 'organisation', group: 'media', aliases: ['TPMMuckraker', 'TPM'] },
	{ id: 'knxv', name: 'KNXV-TV', kind: 'organisation', group: 'media', speaker: true, role: 'a Phoenix television station', aliases: ['KNXV-TV'] },
	{ id: 'wilson-center', name: 'Woodrow Wilson Center', kind: 'organisation', group: 'research', aliases: ['Woodrow Wilson Center'] },
	{ id: 'trans-border', name: 'Trans-Border Institute', kind: 'organisation', group: 'research', partOf: ['usd'], aliases: ['Trans-Border Institute'] },
	{ id: 'usd', name: 'University of San Diego', kind: 'organisation', group: 'research', aliases: ['University of San Diego'] },
	{ id: 'cenapi', name: 'CENAPI', kind: 'organisation', group: 'tracing-centre', role: "Mexico's National Center for Information, Analysis and Planning in order to Fight Crime",
		aliases: ['National Center for Information, Analysis and Planning in order to Fight Crime', 'CENAPI'] },
	{ id: 'ciara', name: 'CIARA', kind: 'organisation', group: 'tracing-centre', role: "Colombia's joint ATF–CNP Center for Anti-Explosives Information and Firearms Tracing",
		aliases: ['Center for Anti-Explosives Information and Firearms Tracing', 'CIARA'] },
	{ id: 'ntc', name: 'National Tracing Center', kind: 'organisation', group: 'tracing-centre', partOf: ['atf'], aliases: ['National Tracing Center'] },
	{ id: 'mco', name: 'Mexico City Office', kind: 'organisation', group: 'atf-office', partOf: ['atf'], aliases: ['Mexico City Office', 'MCO'] },
	{ id: 'atf-phoenix', name: 'ATF Phoenix Field Division', kind: 'organisation', group: 'atf-office', partOf: ['atf'], aliases: ['ATF Phoenix Field Division', 'ATF Phoenix'] },
	{ id: 'mexican-government', name: 'Government of Mexico', kind: 'organisation', group: 'mexico', aliases: ['Government of Mexico'] },
	{ id: 'mexican-officials', name: 'Mexican government officials', kind: 'organisation', group: 'mexico', speaker: true, aliases: ['Mexican government officials', 'Mexican officials'] },
	{ id: 'atf-spokesman', name: 'An ATF spokesman', kind: 'person', group: 'atf-staff', partOf: ['atf'], speaker: true, aliases: ['ATF spokesman'] },
	{ id: 'atf-agents', name: 'ATF agents', kind: 'organisation', group: 'atf-staff', partOf: ['atf'], speaker: true, aliases: ['ATF field agents', 'ATF agents'] },
	{ id: 'anonymous-atf-official', name: 'An anonymous senior ATF official', kind: 'person', group: 'atf-staff', partOf: ['atf'], speaker: true,
		aliases: ['One senior ATF official', 'A senior ATF official', 'senior ATF official'] },
	{ id: 'melson', name: 'Kenneth Melson', kind: 'person', group: 'us-official', partOf: ['atf'], speaker: true, role: 'Deputy Director and acting chief of the ATF',
		aliases: ['Deputy Director Kenneth Melson', 'Kenneth Melson', 'Deputy Director Melson', 'Melson'] },
	{ id: 'wade', name: 'Drew Wade', kind: 'person', group: 'us-official', partOf: ['atf'], speaker: true, role: 'ATF spokesman', aliases: ['Spokesman Drew Wade', 'Drew Wade'] },
	{ id: 'napolitano', name: 'Janet Napolitano', kind: 'person', group: 'us-official', partOf: ['dhs'], speaker: true, role: 'Secretary of Homeland Security',
		aliases: ['Homeland Security Secretary Janet Napolitano', 'Janet Napolitano', 'Napolitano'] },
	{ id: 'calderon', name: 'Felipe Calderon', kind: 'person', group: 'foreign-official', speaker: true, role: 'President of Mexico', aliases: ['Mexican president Felipe Calderon', 'Felipe Calderon'] },
	{ id: 'obama', name: 'Barack Obama', kind: 'person', group: 'us-official', role: 'President of the United States', aliases: ['President Barack Obama', 'Barack Obama'] },
	{ id: 'isikoff', name: 'Michael Isikoff', kind: 'person', group: 'journalist', speaker: true, role: 'NBC News reporter', aliases: ['Michael Isikoff'] },
	{ id: 'terry', name: 'Brian Terry', kind: 'person', group: 'victim', role: 'U.S. Border Patrol agent killed in 2010', aliases: ['Border Patrol agent Brian Terry', 'Brian Terry'] },
	{ id: 'osorio-arellanes', name: 'Manuel Osorio-Arellanes', kind: 'person', group: 'cartel', role: 'cartel member convicted of the murder of Brian Terry',
		aliases: ['Manuel Osorio-Arellanes', 'Osorio-Arellanes'] },
	{ id: 'gunrunner', name: 'Project Gunrunner', kind: 'program', partOf: ['southwest-border'], aliases: ['Project Gunrunner', 'Gunrunner'] },
	{ id: 'fast-furious', name: 'Operation Fast and Furious', kind: 'program', group: 'gunwalking-operation', partOf: ['gunrunner'], aliases: ['Operation Fast and Furious', 'Fast and Furious'] },
	{ id: 'wide-receiver', name: 'Operation Wide Receiver', kind: 'program', group: 'gunwalking-operation', partOf: ['gunrunner'], aliases: ['Operation Wide Receiver', 'Wide Receiver'] },
	{ id: 'southwest-border', name: 'Southwest Border Initiative', kind: 'program', aliases: ['Southwest Border Initiative'] },
	{ id: 'etrace', name: 'eTrace', kind: 'program', group: 'software', partOf: ['gunrunner'], aliases: ['eTrace'] },
	{ id: 'border-liaison', name: 'Border Liaison Program', kind: 'program', partOf: ['atf'], aliases: ['Border Liaison Program'] },
	{ id: 'recovery-act', name: 'American Recovery and Reinvestment Act of 2009', kind: 'law', aliases: ['American Recovery and Reinvestment Act of 2009', 'Recovery Act'] },
	{ id: 'omnibus-2009', name: 'FY 2009 Omnibus Appropriations Act', kind: 'law', aliases: ['FY 2009 Omnibus Appropriations Act', 'Omnibus Appropriations Act'] },
	// a bill before Congress, never enacted: not a law, so not offered beside laws
	{ id: 'reform-act', name: 'ATF Reform and Modernization Act', kind: 'law', group: 'bill', aliases: ['Reform and Modernization Act'] },
	// federal gun laws the sources never mention: options beside the laws they do, never answers
	{ id: 'gun-control-act', name: 'Gun Control Act of 1968', kind: 'law', aliases: ['Gun Control Act'] },
	{ id: 'fopa', name: 'Firearm Owners Protection Act of 1986', kind: 'law', aliases: ['Firearm Owners Protection Act'] },
	// kinds of weapon, and people in the gun trade: asked against others of their group
	{ id: 'assault-rifles', name: 'semi-automatic assault rifles', kind: 'term', group: 'weapon', aliases: ['semi-automatic assault rifles'] },
	{ id: 'handguns', name: 'handguns', kind: 'term', group: 'weapon', aliases: ['handguns'] },
	{ id: 'shotguns', name: 'shotguns', kind: 'term', group: 'weapon', aliases: ['shotguns'] },
	{ id: 'hunting-rifles', name: 'hunting rifles', kind: 'term', group: 'weapon', aliases: ['hunting rifles'] },
	{ id: 'gun-dealers', name: 'gun dealers', kind: 'term', group: 'trade-role', aliases: ['gun dealers'] },
	{ id: 'straw-purchasers', name: 'straw purchasers', kind: 'term', group: 'trade-role', aliases: ['straw purchasers', 'straw buyers'] },
	{ id: 'cartel-members', name: 'cartel members', kind: 'term', group: 'trade-role', aliases: ['cartel members'] },
	{ id: 'mexican-police', name: 'Mexican police officers', kind: 'term', group: 'trade-role', aliases: ['Mexican police officers'] },
	{ id: 'border-patrol-agents', name: 'Border Patrol agents', kind: 'term', group: 'trade-role', aliases: ['Border Patrol agents'] },
	{ id: 'mexico', name: 'Mexico', kind: 'place', placeKind: 'country', aliases: ['Mexico'] },
	{ id: 'usa', name: 'United States', kind: 'place', placeKind: 'country', aliases: ['United States'] },
	{ id: 'colombia', name: 'Colombia', kind: 'place', placeKind: 'country', aliases: ['Colombia'] },
	{ id: 'guatemala', name: 'Guatemala', kind: 'place', placeKind: 'country', aliases: ['Guatemala'] },
	{ id: 'costa-rica', name: 'Costa Rica', kind: 'place', placeKind: 'country', aliases: ['Costa Rica'] },
	{ id: 'texas', name: 'Texas', kind: 'place', placeKind: 'state', partOf: ['usa'], aliases: ['Texas'] },
	{ id: 'arizona', name: 'Arizona', kind: 'place', placeKind: 'state', partOf: ['usa'], aliases: ['Arizona'] },
	{ id: 'laredo', name: 'Laredo', kind: 'place', placeKind: 'city', partOf: ['texas', 'usa'], aliases: ['Laredo'] },
	{ id: 'phoenix', name: 'Phoenix', kind: 'place', placeKind: 'city', partOf: ['arizona', 'usa'], aliases: ['Phoenix'] },
	{ id: 'glendale', name: 'Glendale', kind: 'place', placeKind: 'city', partOf: ['arizona', 'usa'], aliases: ['Glendale'] },
	{ id: 'washington', name: 'Washington', kind: 'place', placeKind: 'city', partOf: ['usa'], aliases: ['Washington'] },
	{ id: 'mexico-city', name: 'Mexico City', kind: 'place', placeKind: 'city', partOf: ['mexico'], aliases: ['Mexico City'] },
	{ id: 'tijuana', name: 'Tijuana', kind: 'place', placeKind: 'city', partOf: ['mexico'], aliases: ['Tijuana'] },
	{ id: 'nuevo-laredo', name: 'Nuevo Laredo', kind: 'place', placeKind: 'city', partOf: ['mexico'], aliases: ['Nuevo Laredo'] },
	{ id: 'matamoros', name: 'Matamoros', kind: 'place', placeKind: 'city', partOf: ['mexico'], aliases: ['Matamoros'] },
	{ id: 'central-america', name: 'Central America', kind: 'place', placeKind: 'region', aliases: ['Central America'] },
	{ id: 'south-america', name: 'South America', kind: 'place', placeKind: 'region', aliases: ['South America'] },
	{ id: 'caribbean', name: 'Caribbean Basin', kind: 'place', placeKind: 'region', aliases: ['Caribbean Basin'] }
];

const byId = new Map(GLOSSARY.map((entry) => [entry.id, entry]));

export function glossaryEntry(id: string): GlossaryEntry | undefined {
	return byId.get(id);
}

/** Every (alias, id) pair, longest alias first, so "Mexico City" wins over "Mexico". */
export const ALIAS_INDEX: { alias: string; id: string }[] = GLOSSARY.flatMap((entry) =>
	entry.aliases.map((alias) => ({ alias, id: entry.id }))
).sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias));

function ancestors(id: string, seen = new Set<string>()): Set<string> {
	for (const parent of byId.get(id)?.partOf ?? []) {
		if (seen.has(parent)) continue;
		seen.add(parent);
		ancestors(parent, seen);
	}
	return seen;
}

/** Same thing, or one part of the other: never distractors of each other. */
export function related(a: string, b: string): boolean {
	if (a === b) return true;
	return ancestors(a).has(b) || ancestors(b).has(a);
}

/** Every alias of an entry: an answer leaks into a stem through any of them. */
export function aliasesOf(id: string): string[] {
	const entry = byId.get(id);
	return entry ? [entry.name, ...entry.aliases] : [];
}
