/**
 * The hand-written course outline: lesson titles, objectives, and the words and sections that
 * feed each lesson. Everything a lesson shows is generated from the sentences routed to it.
 */
export interface OutlineObjective {
	id: string;
	text: string;
	/** words or phrases (case-insensitive) whose presence ties a sentence or question to this objective */
	keywords: string[];
}

export interface OutlineLesson {
	id: string;
	title: string;
	summary: string;
	objectives: OutlineObjective[];
	/** "sourceId#sectionId": sentences of these sections lean towards this lesson */
	sections: string[];
}

/** What the whole course is about (guns from the United States to Mexico): never itself a quiz answer. */
export const COURSE_PREMISE = ['mexico', 'usa'];

export const COURSE_OUTLINE: OutlineLesson[] = [
	{
		id: 'origins',
		title: 'What Project Gunrunner is: goals, money and partners',
		summary: 'The ATF project meant to stop guns flowing from the United States to Mexican drug cartels: when it began, how it was funded, who works on it and what it achieved.',
		sections: ['encyclopedia-project-gunrunner#introduction', 'encyclopedia-project-gunrunner#budget', 'encyclopedia-project-gunrunner#participants'],
		objectives: [
			{ id: 'goal', text: 'State the goal of Project Gunrunner and the agency that runs it.', keywords: ['stem the flow', 'intended', 'objective', 'deprive', 'primary tactic', 'interdiction', 'part of', 'Southwest Border Initiative', 'is a project'] },
			{ id: 'growth', text: 'Place the start and growth of the project on a timeline.', keywords: ['began', 'pilot', 'expanded', 'national initiative', 'cases', 'defendants', 'offenders', 'prosecution', 'resulted'] },
			{ id: 'funding', text: 'Recall how the project was funded and staffed.', keywords: ['million', 'funding', 'Recovery', 'Appropriations', 'money', 'stimulus', 'grants', 'special agents', 'investigators', 'commissioned', 'personnel'] },
			{ id: 'partners', text: 'Name the agencies the ATF works with along the border.', keywords: ['FBI', 'DEA', 'Immigration and Customs Enforcement', 'Customs and Border Protection', 'task forces', 'partners', 'EPIC', 'Texas Department of Public Safety', 'collaboration'] }
		]
	},
	{
		id: 'etrace',
		title: 'eTrace: tracing guns across borders',
		summary: 'The firearm tracing system the ATF shared with Mexico and Central America, the tracing centres it helped open, and the disputed numbers behind it.',
		sections: [],
		objectives: [
			{ id: 'what', text: 'Explain what eTrace does and what information it gives.', keywords: ['eTrace', 'Firearms Tracing System', 'first recorded purchaser', 'trace results', 'gun traces', 'first purchaser', 'National Tracing Center', 'database'] },
			{ id: 'where', text: 'Identify where the ATF set up tracing centres and deployed eTrace.', keywords: ['Colombia', 'CENAPI', 'CIARA', 'Spanish version', 'Guatemala', 'Costa Rica', 'tracing centers', 'Mexican states', 'deploy', 'second phase'] },
			{ id: 'training', text: "Compare the claims about how many Mexican police were trained, and judge the limits of the ATF's trace statistics.", keywords: ['training', 'trained', 'sessions', 'police officers', 'courses', 'corruption', 'discrepancy', 'flawed', 'statistics', 'traced', 'trace requests', 'firearms seizures', 'most commonly used'] }
		]
	},
	{
		id: 'gunwalking',
		title: 'Gunwalking and Operation Fast and Furious',
		summary: 'How ATF offices in Phoenix let guns "walk" to traffickers, what happened to those guns, and the investigations and death that followed.',
		sections: ['encyclopedia-project-gunrunner#controversy'],
		objectives: [
			{ id: 'what', text: "Explain what gunwalking was and how it went against the project's stated goal.", keywords: ['walk', 'gunwalking', 'straw purchase', 'opposite', 'Wide Receiver', 'Fast and Furious', 'stated official objective', 'complete the transactions', 'known criminals', 'controversial'] },
			{ id: 'numbers', text: 'Recall how many guns walked and were recovered, and why the counts differ.', keywords: ['recovered', 'interdict', 'allowed to walk', 'crime scenes', 'police seizures'] },
			{ id: 'consequences', text: "Describe the consequences: Congress's investigation, Brian Terry's death and the memos.", keywords: ['Terry', 'murdered', 'investigation', 'memos', 'notified', 'Osorio-Arellanes', 'rifles', 'objected', 'accused', 'Gun Owners of America'] }
		]
	},
	{
		id: 'inspector-general',
		title: "The Inspector General's critique",
		summary: "What the Justice Department's Inspector General found in a draft report on Project Gunrunner, and how ATF officials answered.",
		sections: ['nbc-gunrunner-misfires#*', 'tpm-atf-flubbing#*'],
		objectives: [
			{ id: 'findings', text: 'Summarise what the draft report found wrong with Project Gunrunner.', keywords: ['report', 'found', 'weaknesses', 'intelligence', 'share', 'leads', 'strategy', 'straw purchasers', 'field divisions', 'field division', 'misfiring', 'exchange', 'Border Liaison Program', 'terrorism', 'Mexico City office', 'requests', 'indictment'] },
			{ id: 'ice', text: 'Explain how the ATF and ICE worked together, according to different officials.', keywords: ['ICE', 'Homeland Security', 'joint investigations', 'notify', 'DHS', 'Napolitano', 'FBI'] },
			{ id: 'responses', text: "Compare ATF officials' responses with the report's findings.", keywords: ['Melson', 'success', 'surge', 'spokesman', 'working draft', 'Wade', 'anonymity', 'lack of funding', 'gun laws', 'counter statements'] }
		]
	},
	{
		id: 'politics',
		title: 'Politics: Congress, the gun lobby and Mexico',
		summary: 'The fights around the ATF: a bill in Congress, gun-rights and gun-control groups, an agency without a confirmed director, and Mexico\'s complaints about U.S. guns.',
		sections: ['nbc-gunrunner-misfires#*', 'tpm-atf-flubbing#*'],
		objectives: [
			{ id: 'congress', text: 'Describe what Congress and the gun groups wanted for the ATF.', keywords: ['bill', 'Reform and Modernization Act', 'National Rifle Association', 'Brady Campaign', 'Senate', 'hearing', 'gun lobby', 'legislation'] },
			{ id: 'director', text: 'Explain why the ATF lacked a permanent director and why it mattered.', keywords: ['director', 'nominate', 'de facto chief', 'Obama administration', 'clout', 'permanent head', 'midterm', 'recess'] },
			{ id: 'mexico', text: "Explain Mexico's complaints about guns from the United States.", keywords: ['Calderon', 'Mexican officials', 'complained', 'study', 'confiscated', 'percent', 'killed', 'semi-automatic', 'assault rifles'] }
		]
	}
];
