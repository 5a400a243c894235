import * as v from 'valibot';

/**
 * The course file (`course.json` beside `sources.json`): what a teacher knows that the texts take
 * for granted. The outline, the glossary, the known disagreements, display rewrites and a few
 * policies are data, validated here; the generator's code knows nothing about any one course, and
 * every field is optional, so `{}` is a valid course (everything is then found in the texts).
 */

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'));
const Text = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

const Objective = v.strictObject({
	id: Id,
	text: Text,
	/** words or phrases (case-insensitive) that tie a sentence or question to this objective */
	keywords: v.optional(v.array(Text), [])
});

const OutlineLesson = v.strictObject({
	id: Id,
	title: Text,
	summary: Text,
	objectives: v.pipe(v.array(Objective), v.minLength(1, 'a lesson needs at least one objective')),
	/** "sourceId#sectionId" (or "sourceId#*"): sentences of these sections lean towards this lesson */
	sections: v.optional(v.array(v.pipe(v.string(), v.regex(/^[^#\s]+#[^#\s]+$/, 'must be "sourceId#sectionId"'))), [])
});

const GlossaryKind = v.picklist(['organisation', 'person', 'place', 'program', 'law', 'term']);

const GlossaryEntrySchema = v.strictObject({
	id: Id,
	name: Text,
	kind: GlossaryKind,
	/** other spellings as they appear in the texts (longest are matched first) */
	aliases: v.optional(v.array(Text), []),
	/** ids this entry is part of: never offered as distractors of each other */
	partOf: v.optional(v.array(Id)),
	/** distractors come from the same group: agencies against agencies */
	group: v.optional(Id),
	placeKind: v.optional(v.picklist(['country', 'state', 'city', 'region'])),
	role: v.optional(Text),
	/** a named person or body that can be quoted as the source of a claim */
	speaker: v.optional(v.boolean()),
	/** adjectives of a place ("Mexican"): "the _____ cartels" would give "Mexico" away */
	demonyms: v.optional(v.array(Text))
});

const Disagreement = v.strictObject({
	id: Id,
	lessonId: Id,
	title: Text,
	note: Text,
	claims: v.pipe(
		v.array(v.strictObject({ sourceId: Text, quote: Text, label: Text })),
		v.minLength(2, 'a disagreement needs at least two claims')
	)
});

const RegexSource = v.pipe(
	v.string(),
	v.check((source) => {
		try {
			new RegExp(source);
			return true;
		} catch {
			return false;
		}
	}, 'is not a valid regular expression')
);
const Flags = v.pipe(v.string(), v.regex(/^[gimsuy]*$/, 'regular expression flags are among g, i, m, s, u, y'));

const Rewrite = v.strictObject({
	/** a regular expression over the sentence */
	match: RegexSource,
	flags: v.optional(Flags),
	/** its replacement ($1 for a group) */
	replace: v.string(),
	/** applies only to sources whose text matches this */
	when: v.optional(RegexSource),
	whenFlags: v.optional(Flags)
});

const Policies = v.strictObject({
	/** what the whole course is about (glossary ids): never itself a quiz answer */
	premise: v.optional(v.array(Id), []),
	/** the course's subject (glossary ids): named in nearly every sentence, so never asked nor offered */
	subjects: v.optional(v.array(Id), []),
	/** ids never asked nor offered as the author of a claim (a press officer, say) */
	neverAsked: v.optional(v.array(Id), []),
	/** groups never asked (outlets, journalists: who printed a fact is not the fact) */
	neverAskedGroups: v.optional(v.array(Id), []),
	/** ids never offered as a wrong option */
	neverOptions: v.optional(v.array(Id), []),
	/** organisation groups whose members can stand in for each other as options */
	distractorGroups: v.optional(v.array(Id)),
	/** what an option of a group is called in a stem ("advocacy": "group") */
	groupNouns: v.optional(v.record(Id, Text), {}),
	/** organisations asked only where a sentence defines them as "Long Name (ACR)" */
	definedOnly: v.optional(v.array(Id), []),
	/** "the report" in a source whose text matches `when` is the work of `speaker` */
	reportAuthors: v.optional(v.array(v.strictObject({ when: RegexSource, speaker: Id })), []),
	/** sets of organisation groups that stand in for each other as options (departments and their agencies) */
	kindredGroups: v.optional(v.array(v.array(Id)), []),
	/** groups whose claims are set against each other's, not against public bodies' */
	civilSocietyGroups: v.optional(v.array(Id), [])
});

export const CourseFileSchema = v.strictObject({
	$schema: v.optional(v.string()),
	description: v.optional(v.string()),
	policies: v.optional(Policies, {}),
	outline: v.optional(v.array(OutlineLesson), []),
	glossary: v.optional(v.array(GlossaryEntrySchema), []),
	disagreements: v.optional(v.array(Disagreement), []),
	rewrites: v.optional(v.array(Rewrite), [])
});

export type CourseFile = v.InferOutput<typeof CourseFileSchema>;
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntrySchema>;
export type GlossaryKind = GlossaryEntry['kind'];
export type OutlineLesson = v.InferOutput<typeof OutlineLesson>;
export type OutlineObjective = OutlineLesson['objectives'][number];
export type KnownDisagreement = v.InferOutput<typeof Disagreement>;
export type CoursePolicies = v.InferOutput<typeof Policies>;

export class CourseFileError extends Error {}

/** The line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
	return text.slice(0, offset).split('\n').length;
}

/**
 * The line where a JSON path's value starts, found by walking the text key by key (array indices
 * by counting values at that depth); undefined when the walk loses its way.
 */
export function lineOfPath(text: string, path: readonly (string | number)[]): number | undefined {
	let at = 0;
	const skipValue = (from: number): number => {
		// from the first character of a value to just after it
		let depth = 0;
		let inString = false;
		for (let i = from; i < text.length; i++) {
			const c = text[i];
			if (inString) {
				if (c === '\\') i++;
				else if (c === '"') {
					inString = false;
					if (depth === 0) return i + 1;
				}
				continue;
			}
			if (c === '"') inString = true;
			else if (c === '{' || c === '[') depth++;
			else if (c === '}' || c === ']') {
				depth--;
				if (depth === 0) return i + 1;
				if (depth < 0) return i;
			} else if (depth === 0 && (c === ',' || c === '\n')) return i;
		}
		return text.length;
	};
	const nextValueStart = (from: number) => {
		let i = from;
		while (i < text.length && /[\s,:]/.test(text[i])) i++;
		return i;
	};
	for (const key of path) {
		at = nextValueStart(at);
		if (typeof key === 'number') {
			if (text[at] !== '[') return undefined;
			let i = nextValueStart(at + 1);
			for (let n = 0; n < key; n++) i = nextValueStart(skipValue(i));
			at = i;
		} else {
			if (text[at] !== '{') return undefined;
			let i = nextValueStart(at + 1);
			for (;;) {
				if (text[i] !== '"') return undefined;
				const end = skipValue(i);
				const name = JSON.parse(text.slice(i, end)) as string;
				const valueStart = nextValueStart(end);
				if (name === key) {
					at = valueStart;
					break;
				}
				i = nextValueStart(skipValue(valueStart));
			}
		}
	}
	return lineAt(text, at);
}

/** Parses and validates a course file; every problem names its line and path. */
export function parseCourseFile(text: string, fileName = 'course.json'): CourseFile {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		const position = /position (\d+)/.exec((error as Error).message);
		const where = position ? `line ${lineAt(text, Number(position[1]))}` : 'its JSON';
		throw new CourseFileError(`${fileName}, ${where}: not valid JSON (${(error as Error).message})`);
	}
	const result = v.safeParse(CourseFileSchema, json);
	if (!result.success) {
		const problems = result.issues.slice(0, 10).map((issue) => {
			const path = (issue.path ?? []).map((item) => item.key as string | number);
			const line = lineOfPath(text, path);
			const shown = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').replace(/^\./, '') || '(top level)';
			return `${fileName}${line ? `, line ${line}` : ''}, ${shown}: ${issue.message}`;
		});
		throw new CourseFileError(problems.join('\n'));
	}
	const course = result.output;
	const problems = crossReferenceProblems(course);
	if (problems.length) {
		throw new CourseFileError(
			problems
				.slice(0, 10)
				.map(({ path, message }) => {
					const line = lineOfPath(text, path);
					return `${fileName}${line ? `, line ${line}` : ''}, ${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '')}: ${message}`;
				})
				.join('\n')
		);
	}
	return course;
}

/** Ids that must name something: duplicate ids, partOf and policy ids, disagreements' lessons. */
function crossReferenceProblems(course: CourseFile): { path: (string | number)[]; message: string }[] {
	const problems: { path: (string | number)[]; message: string }[] = [];
	const ids = new Set<string>();
	course.glossary.forEach((entry, i) => {
		if (ids.has(entry.id)) problems.push({ path: ['glossary', i, 'id'], message: `duplicate glossary id "${entry.id}"` });
		ids.add(entry.id);
	});
	course.glossary.forEach((entry, i) =>
		(entry.partOf ?? []).forEach((parent, j) => {
			if (!ids.has(parent)) problems.push({ path: ['glossary', i, 'partOf', j], message: `no glossary entry "${parent}"` });
		})
	);
	const lessonIds = new Set<string>();
	course.outline.forEach((lesson, i) => {
		if (lessonIds.has(lesson.id)) problems.push({ path: ['outline', i, 'id'], message: `duplicate lesson id "${lesson.id}"` });
		lessonIds.add(lesson.id);
	});
	course.disagreements.forEach((d, i) => {
		if (!lessonIds.has(d.lessonId)) problems.push({ path: ['disagreements', i, 'lessonId'], message: `no lesson "${d.lessonId}" in the outline` });
	});
	const policies = course.policies;
	for (const key of ['premise', 'subjects', 'neverAsked', 'neverOptions', 'definedOnly'] as const)
		policies[key].forEach((id, j) => {
			if (!ids.has(id)) problems.push({ path: ['policies', key, j], message: `no glossary entry "${id}"` });
		});
	policies.reportAuthors.forEach((author, j) => {
		if (!ids.has(author.speaker)) problems.push({ path: ['policies', 'reportAuthors', j, 'speaker'], message: `no glossary entry "${author.speaker}"` });
	});
	return problems;
}

export interface CompiledRewrite {
	pattern: RegExp;
	replacement: string;
	when?: RegExp;
}

/**
 * The course as the generator uses it: the glossary indexed by id and alias, part-of relations,
 * compiled rewrites. Entries found in the texts themselves are added with `withEntries`.
 */
export class CourseKnowledge {
	readonly glossary: readonly GlossaryEntry[];
	readonly outline: readonly OutlineLesson[];
	readonly disagreements: readonly KnownDisagreement[];
	readonly rewrites: readonly CompiledRewrite[];
	readonly policies: CoursePolicies;
	/** every (alias, id) pair, longest alias first, so "Mexico City" wins over "Mexico" */
	readonly aliasIndex: readonly { alias: string; id: string }[];
	private readonly byId: Map<string, GlossaryEntry>;
	private readonly ancestorCache = new Map<string, Set<string>>();

	constructor(readonly file: CourseFile, extra: readonly GlossaryEntry[] = []) {
		this.glossary = [...file.glossary, ...extra];
		this.outline = file.outline;
		this.disagreements = file.disagreements;
		this.policies = file.policies;
		this.rewrites = file.rewrites.map((r) => ({
			pattern: new RegExp(r.match, r.flags ?? ''),
			replacement: r.replace,
			...(r.when !== undefined ? { when: new RegExp(r.when, r.whenFlags ?? '') } : {})
		}));
		this.byId = new Map(this.glossary.map((entry) => [entry.id, entry]));
		this.aliasIndex = this.glossary
			.flatMap((entry) => entry.aliases.map((alias) => ({ alias, id: entry.id })))
			.sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias));
	}

	/** The same course with entries found in the texts added (never replacing the course's own). */
	withEntries(extra: readonly GlossaryEntry[]): CourseKnowledge {
		return new CourseKnowledge(this.file, extra);
	}

	entry(id: string): GlossaryEntry | undefined {
		return this.byId.get(id);
	}

	private ancestors(id: string): Set<string> {
		const cached = this.ancestorCache.get(id);
		if (cached) return cached;
		const seen = new Set<string>();
		const walk = (at: string) => {
			for (const parent of this.byId.get(at)?.partOf ?? []) {
				if (seen.has(parent)) continue;
				seen.add(parent);
				walk(parent);
			}
		};
		walk(id);
		this.ancestorCache.set(id, seen);
		return seen;
	}

	/** Same thing, or one part of the other: never distractors of each other. */
	related(a: string, b: string): boolean {
		if (a === b) return true;
		return this.ancestors(a).has(b) || this.ancestors(b).has(a);
	}

	/** Every alias of an entry: an answer leaks into a stem through any of them. */
	aliasesOf(id: string): string[] {
		const entry = this.byId.get(id);
		return entry ? [entry.name, ...entry.aliases] : [];
	}
}

export const EMPTY_COURSE: CourseFile = v.parse(CourseFileSchema, {});

export function courseKnowledge(file: CourseFile = EMPTY_COURSE): CourseKnowledge {
	return new CourseKnowledge(file);
}
