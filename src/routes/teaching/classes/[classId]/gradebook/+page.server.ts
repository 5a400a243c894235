import { appDb } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { loadGradebook } from '$lib/server/teaching/gradebook';
import { orError } from '$lib/server/teaching/web';
import { readSort, sortParam, sortRows, type SortColumn } from '$lib/teaching/gradebook';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const book = await orError(() => loadGradebook(appDb(), teacher.id, event.params.classId));
	const sort = readSort(event.url.searchParams.get('sort'), event.url.searchParams.get('dir'), book.assignments);
	const assignments = book.assignments.map(({ id, lessonTitle, dueAt, maxAttempts }) => ({ id, lessonTitle, dueAt, maxAttempts }));
	// each column's link: sorts by it, or flips the direction when it is the current sort
	const link = (column: SortColumn) => {
		const param = sortParam(column, assignments);
		const current = sortParam(sort.column, assignments) === param;
		const descending = current ? !sort.descending : column.kind === 'cell';
		return { href: `?sort=${encodeURIComponent(param)}${descending ? '&dir=desc' : ''}`, current: current ? (sort.descending ? 'descending' : 'ascending') : null };
	};
	return {
		class: { id: book.class.id, name: book.class.name, term: book.class.term },
		assignments,
		rows: sortRows(book.rows, sort),
		summaries: book.summaries,
		links: {
			name: link({ kind: 'name' }),
			cells: assignments.map((_, index) => ({
				best: link({ kind: 'cell', index, field: 'best' }),
				latest: link({ kind: 'cell', index, field: 'latest' }),
				attempts: link({ kind: 'cell', index, field: 'attempts' })
			}))
		}
	};
};
