import { appDb } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { loadItemAnalysis } from '$lib/server/teaching/item-analysis';
import { orError } from '$lib/server/teaching/web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const which = event.url.searchParams.get('attempts') === 'all' ? 'all' : 'first';
	const analysis = await orError(() => loadItemAnalysis(appDb(), teacher.id, event.params.classId, event.params.assignmentId, which));
	return {
		which,
		class: { id: analysis.class.id, name: analysis.class.name },
		assignment: { id: analysis.assignment.id, lessonId: analysis.assignment.lessonId, lessonTitle: analysis.assignment.lessonTitle },
		attempts: analysis.attempts,
		items: analysis.items
	};
};
