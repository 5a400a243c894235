import type { GeneratedContent } from './generate';
import type { GeneratedQuestion } from './question-types';

/**
 * What became of every source: its prose sentences, how many reached a lesson, each one left out
 * with its reason, the lessons it feeds and the questions citing it. A teacher adding a source
 * reads this (`npm run content -- --dry-run`) to see what happened; the JSON field names are a
 * contract.
 */
export interface SourceReport {
	id: string;
	file: string;
	title: string;
	proseSentences: number;
	sentencesInLessons: number;
	dropped: { sentence: string; reason: string }[];
	/** lines that were not prose (page chrome, captions, headings, references), with why */
	notProse: { line: string; reason: string }[];
	lessons: string[];
	questions: {
		id: string;
		lessonId: string;
		type: GeneratedQuestion['type'];
		stem: string;
		options: string[];
		answer: string | string[] | number | boolean;
		citations: { sourceId: string; sentenceId: string; text: string }[];
	}[];
}

export interface ContentReport {
	generatorVersion: string;
	sources: SourceReport[];
	lessons: { id: string; title: string; generated: boolean; questions: number }[];
}

/** The question as a reader sees it: one stem (with its statement or claim) and its options' text. */
export function questionSummary(q: GeneratedQuestion): SourceReport['questions'][number] {
	const p = q.prompt;
	const a = q.answer;
	const stem = p.type === 'true_false' ? `${p.stem} ${p.statement}` : p.type === 'attribution' ? `${p.stem} ${p.claim}` : p.stem;
	const options = p.type === 'multiple_choice' || p.type === 'attribution' ? p.options.map((o) => o.text) : p.type === 'ordering' ? p.items.map((i) => i.text) : p.type === 'true_false' ? ['True', 'False'] : [];
	let answer: SourceReport['questions'][number]['answer'];
	if ((a.type === 'multiple_choice' || a.type === 'attribution') && (p.type === 'multiple_choice' || p.type === 'attribution')) answer = p.options.find((o) => o.id === a.correctOptionId)?.text ?? '';
	else if (a.type === 'true_false') answer = a.correct;
	else if (a.type === 'fill_blank') answer = a.accepted;
	else if (a.type === 'numeric') answer = a.value;
	else if (a.type === 'ordering' && p.type === 'ordering') answer = a.order.map((id) => p.items.find((i) => i.id === id)?.text ?? id);
	else answer = '';
	return {
		id: q.id,
		lessonId: q.lessonId,
		type: q.type,
		stem,
		options,
		answer,
		citations: q.citations.map((c) => ({ sourceId: c.sourceId, sentenceId: c.sentenceId, text: c.text }))
	};
}

export function contentReport(content: GeneratedContent, files: ReadonlyMap<string, string> = new Map()): ContentReport {
	const sources = content.analysed.map((a): SourceReport => {
		const routes = content.routes.filter((r) => r.sourceId === a.source.id);
		const text = new Map(a.sentences.map((s) => [s.id, s.text]));
		const lessons = [...new Set(routes.flatMap((r) => (r.lessonId ? [r.lessonId] : [])))];
		return {
			id: a.source.id,
			file: files.get(a.source.id) ?? '',
			title: a.source.title,
			proseSentences: a.sentences.length,
			sentencesInLessons: routes.filter((r) => r.lessonId).length,
			dropped: routes.filter((r) => !r.lessonId).map((r) => ({ sentence: text.get(r.sentenceId) ?? r.sentenceId, reason: r.reason ?? 'not placed' })),
			notProse: a.lines.filter((l) => l.kind !== 'prose' && l.kind !== 'heading' && l.kind !== 'title').map((l) => ({ line: l.text.length > 160 ? `${l.text.slice(0, 157)}…` : l.text, reason: l.reason ?? l.kind })),
			lessons,
			questions: content.questions.filter((q) => q.citations.some((c) => c.sourceId === a.source.id)).map(questionSummary)
		};
	});
	const lessons = content.lessons.map((l) => ({ id: l.id, title: l.title, generated: l.generated, questions: content.questions.filter((q) => q.lessonId === l.id).length }));
	return { generatorVersion: content.generatorVersion, sources, lessons };
}

/** The report as a plain-text table, for a teacher at a terminal. */
export function formatReport(report: ContentReport): string {
	const rows = report.sources.map((s) => [
		s.id,
		String(s.proseSentences),
		`${s.sentencesInLessons} (${s.proseSentences ? Math.round((100 * s.sentencesInLessons) / s.proseSentences) : 0}%)`,
		String(s.dropped.length),
		String(s.questions.length),
		s.lessons.join(', ')
	]);
	const header = ['source', 'prose sentences', 'in lessons', 'left out', 'questions', 'lessons'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
	const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
	out.push('Lessons:');
	for (const l of report.lessons) out.push(`  ${l.id}${l.generated ? ' (made for a source that fits no lesson)' : ''}: ${l.title} — ${l.questions} questions`);
	for (const s of report.sources) {
		if (!s.dropped.length) continue;
		out.push('', `Left out of ${s.id}:`);
		for (const d of s.dropped) out.push(`  - ${d.sentence.length > 100 ? `${d.sentence.slice(0, 97)}…` : d.sentence}\n      because it ${d.reason}`);
	}
	return out.join('\n');
}
