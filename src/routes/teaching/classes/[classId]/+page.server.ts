import { fail } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import {
	addRosterStudents,
	archiveClass,
	classRoster,
	loadOwnClass,
	removeStudent,
	resetStudentPassword,
	rotateJoinCode,
	setJoiningOpen
} from '$lib/server/teaching/classes';
import { classAssignments, createAssignment, removeAssignment } from '$lib/server/teaching/assignments';
import { attempt, field, formOf, idField, orError } from '$lib/server/teaching/web';
import { listCachedLessons } from '$lib/server/content/lesson-cache';
import { formatJoinCode } from '$lib/teaching/join-code';
import { parseRosterNames } from '$lib/teaching/roster';
import { readAssignmentForm } from '$lib/teaching/assignment-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = appDb();
	const found = await orError(() => loadOwnClass(db, teacher.id, event.params.classId));
	const [roster, assignments] = await Promise.all([classRoster(db, found.id), classAssignments(db, found.id)]);
	const assigned = new Set(assignments.map((a) => a.lessonId));
	return {
		class: { ...found, joinCode: formatJoinCode(found.joinCode) },
		roster,
		assignments,
		// reading-only lessons (no quiz) cannot be assigned: there is nothing to complete
		lessons: listCachedLessons()
			.filter((l) => !assigned.has(l.id) && l.quizQuestions > 0)
			.map((l) => ({ id: l.id, title: l.title }))
	};
};

/** Every action checks the class is this teacher's before reading the form: anyone else's class is a 404. */
async function classTeacher(event: RequestEvent) {
	const teacher = requireTeacher(event);
	await orError(() => loadOwnClass(appDb(), teacher.id, event.params.classId));
	return teacher;
}

export const actions: Actions = {
	rotateCode: async (event) => {
		const teacher = await classTeacher(event);
		return attempt('class', async () => {
			const code = await rotateJoinCode(appDb(), teacher.id, event.params.classId);
			return { action: 'class', message: `New join code: ${formatJoinCode(code)}. The old code no longer works.` };
		});
	},
	setJoining: async (event) => {
		const teacher = await classTeacher(event);
		const open = field(await formOf(event.request), 'open') === '1';
		return attempt('class', async () => {
			await setJoiningOpen(appDb(), teacher.id, event.params.classId, open);
			return { action: 'class', message: open ? 'Students can join with the code again.' : 'Joining is closed: the code no longer lets anyone in.' };
		});
	},
	archive: async (event) => {
		const teacher = await classTeacher(event);
		return attempt('class', async () => {
			await archiveClass(appDb(), teacher.id, event.params.classId);
			return { action: 'class', message: 'Class archived. Its gradebook stays readable.' };
		});
	},
	addStudents: async (event) => {
		const teacher = await classTeacher(event);
		const text = field(await formOf(event.request), 'names', 20_000);
		const parsed = parseRosterNames(text);
		if (!parsed.ok) return fail(400, { action: 'roster', message: parsed.message, names: text });
		return attempt('roster', async () => {
			const cards = await addRosterStudents(appDb(), teacher.id, event.params.classId, parsed.names);
			return { action: 'roster', message: `${cards.length} student account${cards.length === 1 ? '' : 's'} created and added to the class.`, cards };
		});
	},
	removeStudent: async (event) => {
		const teacher = await classTeacher(event);
		const studentId = idField(await formOf(event.request), 'studentId', 'student');
		return attempt('roster', async () => {
			const name = await removeStudent(appDb(), teacher.id, event.params.classId, studentId);
			return { action: 'roster', message: `${name} was removed from the class. Their account and attempts are theirs to keep.` };
		});
	},
	resetPassword: async (event) => {
		const teacher = await classTeacher(event);
		const studentId = idField(await formOf(event.request), 'studentId', 'student');
		return attempt('roster', async () => {
			const card = await resetStudentPassword(appDb(), teacher.id, event.params.classId, studentId);
			return {
				action: 'roster',
				message: `${card.displayName}’s password was reset and they were signed out everywhere. Give them the card below.`,
				cards: [card]
			};
		});
	},
	assign: async (event) => {
		const teacher = await classTeacher(event);
		const form = await formOf(event.request);
		const parsed = readAssignmentForm({ lessonId: field(form, 'lessonId'), due: field(form, 'due'), maxAttempts: field(form, 'maxAttempts') });
		if (!parsed.ok) return fail(400, { action: 'assign', message: parsed.message });
		return attempt('assign', async () => {
			const created = await createAssignment(appDb(), teacher.id, event.params.classId, parsed.value);
			return { action: 'assign', message: `“${created.lessonTitle}” assigned.` };
		});
	},
	unassign: async (event) => {
		const teacher = await classTeacher(event);
		const assignmentId = idField(await formOf(event.request), 'assignmentId', 'assignment');
		return attempt('assign', async () => {
			await removeAssignment(appDb(), teacher.id, event.params.classId, assignmentId);
			return { action: 'assign', message: 'Assignment removed. Attempts stay in the students’ own progress.' };
		});
	}
};
