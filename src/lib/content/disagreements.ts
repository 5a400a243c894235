/**
 * Known disagreements between the sources (seeded from shared/sources/DISAGREEMENTS.md). Each
 * claim is an exact quote; the lesson shows the claims side by side, and no fact question may take
 * a side: sentences holding a disputed claim feed only "who claims what" questions.
 */
export interface KnownDisagreement {
	id: string;
	lessonId: string;
	title: string;
	note: string;
	claims: { sourceId: string; quote: string; label: string }[];
}

const ENC = 'encyclopedia-project-gunrunner';
const NBC = 'nbc-gunrunner-misfires';
const TPM = 'tpm-atf-flubbing';

export const KNOWN_DISAGREEMENTS: KnownDisagreement[] = [
	{
		id: 'etrace-training', lessonId: 'etrace', title: 'How many people in Mexico were trained on eTrace?',
		note: 'The encyclopedia says this discrepancy has not been explained.',
		claims: [
			{ sourceId: ENC, quote: 'the ATF conducted 12 eTrace training sessions for Mexican police (over 961 Mexican police officers)', label: 'The GAO, for fiscal years 2007 and 2008' },
			{ sourceId: ENC, quote: 'only about 20 people have been trained to use eTrace in Mexico', label: 'The ATF, in October 2010' }
		]
	},
	{
		id: 'trace-statistics', lessonId: 'etrace', title: "Do the ATF's trace statistics show which guns drug traffickers use?",
		note: 'The ATF drew a conclusion from traced guns; the encyclopedia says traced guns are not a fair sample.',
		claims: [
			{ sourceId: ENC, quote: 'identified the following weapons most commonly used by drug traffickers', label: 'The ATF' },
			{ sourceId: ENC, quote: 'this conclusion is seriously flawed and not supported by ATF statistics', label: 'The encyclopedia article' }
		]
	},
	{
		id: 'case-statistics', lessonId: 'origins', title: 'The case numbers: between 2005 and 2008, or by early 2009?',
		note: 'The same figures (about 650 cases, 1,400 people, 12,000 firearms) are given for two different periods.',
		claims: [
			{ sourceId: ENC, quote: 'between 2005 and 2008, 650 such cases involving 1,400 offenders and 12,000 firearms were referred for prosecution', label: 'Encyclopedia, introduction' },
			{ sourceId: ENC, quote: 'By early 2009, Project Gunrunner had resulted in approximately 650 cases by the ATF', label: 'Encyclopedia, Operations section' }
		]
	},
	{
		id: 'fast-furious-dates', lessonId: 'gunwalking', title: 'When did Operation Fast and Furious run?',
		note: 'The same article gives two different end years.',
		claims: [
			{ sourceId: ENC, quote: 'Operation Fast and Furious (2009–2010)', label: 'Encyclopedia, introduction' },
			{ sourceId: ENC, quote: 'Operation Fast and Furious (2009-2011)', label: 'Encyclopedia, Controversy section' }
		]
	},
	{
		id: 'recovered-guns', lessonId: 'gunwalking', title: 'How many Fast and Furious guns were recovered in the U.S.?',
		note: 'The counts cover different scopes and are never reconciled.',
		claims: [
			{ sourceId: ENC, quote: 'total of 372 Fast and Furious firearms were recovered in the United States', label: 'A 2011 report' },
			{ sourceId: ENC, quote: 'recovered nearly 270 at crime scenes in the U.S.', label: 'Other U.S. agencies, at crime scenes' }
		]
	},
	{
		id: 'gunwalking-established', lessonId: 'gunwalking', title: 'Who says the ATF broke its own rules?',
		note: 'Named parties make these claims; the encyclopedia also states one without naming a source.',
		claims: [
			{ sourceId: ENC, quote: 'accused the ATF of attempting to "boost statistics of seized firearms with American commercial provenance from Mexican crime scenes."', label: 'Gun Owners of America' },
			{ sourceId: ENC, quote: 'It has been established that this operation violated long-established ATF policies and practices', label: 'The encyclopedia, naming no source' }
		]
	},
	{
		id: 'terry-rifles', lessonId: 'gunwalking', title: 'Were Fast and Furious guns used to kill Brian Terry?',
		note: 'Two rifles were found at the scene, but nothing proves either was the murder weapon.',
		claims: [
			{ sourceId: ENC, quote: 'Two rifles from the "Fast and Furious" operation were found at the scene of the crime', label: 'Found at the scene' },
			{ sourceId: ENC, quote: 'there is no evidence proving that Terry was killed with either of those guns', label: 'No proof of the murder weapon' }
		]
	},
	{
		id: 'success-or-failure', lessonId: 'inspector-general', title: 'A success or a failure?',
		note: "NBC News says the report seems to counter statements made by ATF's own officials.",
		claims: [
			{ sourceId: NBC, quote: "Deputy Director Kenneth Melson touted the program's success", label: 'ATF Deputy Director Kenneth Melson' },
			{ sourceId: NBC, quote: 'there are “significant weaknesses” to Gunrunner that “undermine its effectiveness.”', label: "The Inspector General's draft report" }
		]
	},
	{
		id: 'why-struggled', lessonId: 'inspector-general', title: 'Why did Project Gunrunner struggle?',
		note: 'The report blames how the ATF worked; an ATF official blames money and laws.',
		claims: [
			{ sourceId: NBC, quote: 'faults a timid investigative strategy by ATF that concentrates on low level “straw purchasers”', label: "The Inspector General's draft report" },
			{ sourceId: NBC, quote: 'many of the problems identified in the report stem from a lack of funding from Congress and weak U.S. gun laws', label: 'An anonymous senior ATF official' }
		]
	},
	{
		id: 'atf-ice', lessonId: 'inspector-general', title: 'Do the ATF and ICE work together?',
		note: 'The report and the Homeland Security Secretary describe the partnership differently.',
		claims: [
			{ sourceId: NBC, quote: 'ATF and ICE “do not work effectively” together', label: "The Inspector General's draft report" },
			{ sourceId: TPM, quote: 'Napolitano played down the work ICE does with ATF, saying the agency was a DHS partner “in some matters.”', label: 'Homeland Security Secretary Janet Napolitano' }
		]
	},
	{
		id: 'report-status', lessonId: 'inspector-general', title: 'What kind of document was the report?',
		note: 'NBC News obtained a draft; the ATF would not confirm a report had been issued.',
		claims: [
			{ sourceId: NBC, quote: 'The draft report by the Justice Department’s Office of Inspector General, obtained by NBC News', label: 'NBC News' },
			{ sourceId: NBC, quote: 'saying the document was only a “working draft.”', label: 'An ATF spokesman' },
			{ sourceId: TPM, quote: 'we can’t confirm or deny the existence of an IG report that hasn’t been issued', label: 'ATF spokesman Drew Wade' }
		]
	},
	{
		id: 'origin-of-guns', lessonId: 'politics', title: "Where do Mexico's crime guns come from?",
		note: 'A study says most seized guns came from the U.S.; the encyclopedia warns that only U.S.-origin guns are traced.',
		claims: [
			{ sourceId: NBC, quote: '60,000 of them — or 80 percent — had come from the U.S.', label: 'Woodrow Wilson Center and Trans-Border Institute study' },
			{ sourceId: ENC, quote: 'most seized guns in Mexico have not been traced as only guns originally from the United States are traced', label: 'The encyclopedia article' }
		]
	},
	{
		id: 'reform-act', lessonId: 'politics', title: 'What would the Reform and Modernization Act do?',
		note: 'Backed by the National Rifle Association; opposed by an ATF official and the Brady Campaign.',
		claims: [
			{ sourceId: NBC, quote: 'would weaken ATF’s ability to regulate rogue firearms dealers', label: 'An anonymous senior ATF official' },
			{ sourceId: TPM, quote: 'would “undermine federal law enforcement and protect corrupt gun dealers.”', label: 'The Brady Campaign' }
		]
	}
];
