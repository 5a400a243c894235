import { appDb } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { loadOwnClass } from '$lib/server/teaching/classes';
import { loadStudentReport } from '$lib/server/teaching/student-report';
import { orError } from '$lib/server/teaching/web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = appDb();
	const found = await orError(() => loadOwnClass(db, teacher.id, event.params.classId));
	const report = await orError(() => loadStudentReport(db, teacher.id, found.id, event.params.studentId));
	return { class: { id: found.id, name: found.name }, ...report };
};
