import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { firstPasswordRedirect, requireAdmin, requireTeacher, requireUser, safeReturnPath, signInPath } from '../../src/lib/server/auth/guards';
import type { SessionUser } from '../../src/lib/server/auth/types';

const student: SessionUser = { id: 's', email: 's@x.org', username: null, displayName: 'S', role: 'student', mustChangePassword: false };
const teacher: SessionUser = { ...student, id: 't', role: 'teacher' };
const event = (user: SessionUser | null, path = '/lessons/3?tab=quiz') => ({
	locals: { user, session: null },
	url: new URL(`http://app.example${path}`)
});

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	return undefined;
}

describe('return paths after sign-in', () => {
	it('keeps same-site paths with their query and fragment', () => {
		expect(safeReturnPath('/account')).toBe('/account');
		expect(safeReturnPath('/lessons/3?tab=quiz#q2')).toBe('/lessons/3?tab=quiz#q2');
	});

	it('refuses anything that could leave the site', () => {
		for (const hostile of [
			'https://evil.example/',
			'//evil.example/path',
			'/\\evil.example',
			'\\\\evil.example',
			'javascript:alert(1)',
			'evil.example',
			'',
			null,
			undefined
		]) {
			expect(safeReturnPath(hostile, '/home')).toBe('/home');
		}
	});

	it('builds the sign-in link that brings the user back', () => {
		expect(signInPath(event(null))).toBe('/signin?redirectTo=%2Flessons%2F3%3Ftab%3Dquiz');
	});
});

describe('guards', () => {
	it('sends anonymous visitors to sign in, with the way back', () => {
		const error = thrown(() => requireUser(event(null)));
		expect(isRedirect(error) && error.status === 303 && error.location).toBe('/signin?redirectTo=%2Flessons%2F3%3Ftab%3Dquiz');
	});

	it('lets any signed-in user through requireUser and only teachers through requireTeacher', () => {
		expect(requireUser(event(student))).toBe(student);
		expect(requireTeacher(event(teacher))).toBe(teacher);
		const error = thrown(() => requireTeacher(event(student)));
		expect(isHttpError(error) && error.status).toBe(403);
		expect(isRedirect(thrown(() => requireTeacher(event(null))))).toBe(true);
	});
});

describe('sign-in path from a form action', () => {
	it('returns to the page, not to the action', () => {
		expect(signInPath(event(null, '/account?/changePassword'))).toBe('/signin?redirectTo=%2Faccount');
		expect(signInPath(event(null, '/lessons/3?tab=quiz&/save'))).toBe('/signin?redirectTo=%2Flessons%2F3%3Ftab%3Dquiz');
	});
});

describe('a one-time password comes first', () => {
	const fresh: SessionUser = { ...student, username: 'ana.lopez', email: null, mustChangePassword: true };
	it('sends every page but the new-password page and signing out there', () => {
		expect(firstPasswordRedirect(fresh, '/progress')).toBe('/welcome');
		expect(firstPasswordRedirect(fresh, '/teaching/classes/x')).toBe('/welcome');
		expect(firstPasswordRedirect(fresh, '/welcome')).toBeNull();
		expect(firstPasswordRedirect(fresh, '/signout')).toBeNull();
		expect(firstPasswordRedirect(student, '/progress')).toBeNull();
		expect(firstPasswordRedirect(null, '/progress')).toBeNull();
	});

	it('admits the administrator to teacher pages and only them to administration', () => {
		const admin: SessionUser = { ...student, id: 'a', role: 'admin' };
		expect(requireTeacher(event(admin))).toBe(admin);
		expect(requireAdmin(event(admin))).toBe(admin);
		const refused = thrown(() => requireAdmin(event(teacher)));
		expect(isHttpError(refused) && refused.status).toBe(403);
	});
});
