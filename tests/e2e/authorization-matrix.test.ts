import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { formClient, newAccount, signInOverHttp, signUpOverHttp, type TestAccount } from '../helpers/accounts';

/**
 * Who may do what, over HTTP against the built server, as a browser without JavaScript would.
 * One line per protected route or form action: later features add their lines to `MATRIX`.
 *
 * Personas: anonymous, a student, a teacher, and a teacher of another class (a second teacher,
 * so class-scoped routes can say that owning *a* class is not owning *this* one).
 */
type Persona = 'anonymous' | 'student' | 'teacher' | 'otherTeacher';

/**
 * ok: served (GET 200; a POST reaches its action: 2xx, 303 elsewhere than sign-in, or a 400 for the
 *     deliberately harmless input below);
 * signin: 303 to /signin?redirectTo=<this path>;
 * forbidden: 403;
 * notfound: 404 (someone else's record: not even its existence is confirmed);
 * home: 303 to / (pages for signed-out visitors, when signed in).
 */
type Access = 'ok' | 'signin' | 'forbidden' | 'notfound' | 'home';

type SignedInPersona = Exclude<Persona, 'anonymous'>;

interface Fixtures {
	accounts: Record<SignedInPersona, TestAccount>;
	/** a lesson with a quiz */
	lessonId: string;
	/** each signed-in persona's quiz attempts at that lesson: one submitted, one open */
	attempts: Record<SignedInPersona, { submitted: string; open: string }>;
}

interface MatrixLine {
	/** Needed when `path` is computed from fixtures. */
	name?: string;
	method: 'GET' | 'POST';
	path: string | ((f: Fixtures) => string);
	/** Form fields for a POST: chosen so an allowed request changes nothing lasting. */
	form?: Record<string, string> | ((f: Fixtures) => Record<string, string>);
	access: Record<Persona, Access>;
	/** The request signs the persona out; the runner signs them in again afterwards. */
	endsSession?: boolean;
	/** Where sign-in returns to, when not the requested path (a form posted from another page). */
	signinReturnsTo?: (f: Fixtures) => string;
}

const signedIn = (access: Access): Record<Persona, Access> => ({
	anonymous: 'signin',
	student: access,
	teacher: access,
	otherTeacher: access
});
const signedOutPage: Record<Persona, Access> = { anonymous: 'ok', student: 'home', teacher: 'home', otherTeacher: 'home' };
const everyone: Record<Persona, Access> = { anonymous: 'ok', student: 'ok', teacher: 'ok', otherTeacher: 'ok' };

const NO_SUCH_SESSION = 'a'.repeat(32);

/** Only the owner reaches their own attempt; everyone else gets a 404. */
const ownerOnly = (owner: SignedInPersona): Record<Persona, Access> => ({
	anonymous: 'signin',
	student: owner === 'student' ? 'ok' : 'notfound',
	teacher: owner === 'teacher' ? 'ok' : 'notfound',
	otherTeacher: owner === 'otherTeacher' ? 'ok' : 'notfound'
});
const quizPath = (f: Fixtures) => `/lessons/${f.lessonId}/quiz`;

/** Quiz and progress: a teacher may take quizzes too; attempts belong to their learner alone. */
const QUIZ_LINES: MatrixLine[] = [
	{ method: 'GET', path: '/progress', access: signedIn('ok') },
	{ name: '/lessons/[id]/quiz', method: 'GET', path: quizPath, access: signedIn('ok') },
	// resumes the open attempt each persona already has: nothing new is created
	{ name: '/lessons/[id]/quiz?/start', method: 'POST', path: (f) => `${quizPath(f)}?/start`, access: signedIn('ok') },
	{
		name: '/lessons/[id]/quiz?/markRead',
		method: 'POST',
		path: (f) => `${quizPath(f)}?/markRead`,
		access: signedIn('ok'),
		// posted from the lesson page, so sign-in returns there
		signinReturnsTo: (f) => `/lessons/${f.lessonId}`
	},
	...(['student', 'teacher'] as const).flatMap((owner): MatrixLine[] => [
		{ name: `/attempts/[${owner}'s submitted attempt]`, method: 'GET', path: (f) => `/attempts/${f.attempts[owner].submitted}`, access: ownerOnly(owner) },
		{
			name: `/lessons/[id]/quiz?/save [${owner}'s open attempt]`,
			method: 'POST',
			path: (f) => `${quizPath(f)}?/save`,
			form: (f) => ({ attemptId: f.attempts[owner].open }),
			access: ownerOnly(owner)
		},
		{
			// already submitted: the owner lands on the stored result, nothing changes
			name: `/lessons/[id]/quiz?/submit [${owner}'s submitted attempt]`,
			method: 'POST',
			path: (f) => `${quizPath(f)}?/submit`,
			form: (f) => ({ attemptId: f.attempts[owner].submitted }),
			access: ownerOnly(owner)
		},
		{
			// the owner's own attempt, posted under a lesson it does not belong to
			name: `/lessons/nope/quiz?/submit [${owner}'s open attempt]`,
			method: 'POST',
			path: () => '/lessons/nope/quiz?/submit',
			form: (f) => ({ attemptId: f.attempts[owner].open }),
			access: { anonymous: 'signin', student: 'notfound', teacher: 'notfound', otherTeacher: 'notfound' }
		}
	])
];

const notFoundWhenSignedIn: Record<Persona, Access> = { anonymous: 'signin', student: 'notfound', teacher: 'notfound', otherTeacher: 'notfound' };

/** Spaced review: each learner's own queue; a question not in it is "not found", never shown or graded. */
const REVIEW_LINES: MatrixLine[] = [
	{ method: 'GET', path: '/review', access: signedIn('ok') },
	{
		name: '/review?question=[not in the queue]',
		method: 'GET',
		path: '/review?question=no-such-question',
		access: notFoundWhenSignedIn,
		signinReturnsTo: () => '/review?question=no-such-question'
	},
	// an incomplete form: 400, nothing graded
	{ name: '/review?/answer [incomplete form]', method: 'POST', path: '/review?/answer', form: {}, access: signedIn('ok') },
	// a reference this server did not seal (a guessed or another learner's question id): 400, nothing
	// graded; a sealed reference to a question not in this learner's queue is 404 (review-queue.test.ts)
	{
		name: '/review?/answer [forged reference]',
		method: 'POST',
		path: '/review?/answer',
		form: { ref: 'no-such-question', q1: 'a' },
		access: signedIn('ok')
	}
];

export const MATRIX: MatrixLine[] = [
	{ method: 'GET', path: '/', access: everyone },
	{ method: 'GET', path: '/signup', access: signedOutPage },
	{ method: 'GET', path: '/signin', access: signedOutPage },
	{ method: 'GET', path: '/account', access: signedIn('ok') },
	{ method: 'POST', path: '/account?/endSession', form: { sessionId: NO_SUCH_SESSION }, access: signedIn('ok') },
	{ method: 'POST', path: '/account?/endOtherSessions', access: signedIn('ok') },
	{
		method: 'POST',
		path: '/account?/changePassword',
		form: { currentPassword: 'not the password', newPassword: 'marigold lantern 77' },
		access: signedIn('ok')
	},
	{ method: 'POST', path: '/account?/deleteAccount', form: { password: 'not the password' }, access: signedIn('ok') },
	{ method: 'GET', path: '/signout', access: everyone },
	// a lesson and its check questions are for anyone: practice, not a quiz attempt
	{ name: '/lessons/[id]', method: 'GET', path: (f) => `/lessons/${f.lessonId}`, access: everyone },
	{ name: '/lessons/[id]?/check', method: 'POST', path: (f) => `/lessons/${f.lessonId}?/check`, form: { question: 'no-such-question', q1: 'a' }, access: everyone },
	...QUIZ_LINES,
	...REVIEW_LINES,
	{ method: 'POST', path: '/signout', access: { anonymous: 'home', student: 'home', teacher: 'home', otherTeacher: 'home' }, endsSession: true }
];

const personas: Persona[] = ['anonymous', 'student', 'teacher', 'otherTeacher'];
const clients = {} as Record<Persona, APIRequestContext>;
const fixtures: Fixtures = {
	accounts: { student: newAccount('student'), teacher: newAccount('teacher'), otherTeacher: newAccount('teacher', 'other-teacher') },
	lessonId: '',
	attempts: {} as Fixtures['attempts']
};

/** The id of the persona's open attempt at the fixture lesson, starting one if needed. */
async function openAttempt(client: APIRequestContext): Promise<string> {
	expect((await client.post(`${quizPath(fixtures)}?/start`, { form: {} })).status()).toBe(303);
	const id = /name="attemptId" value="([^"]+)"/.exec(await (await client.get(quizPath(fixtures))).text())?.[1];
	expect(id).toBeTruthy();
	return id!;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }, testInfo) => {
	const baseURL = String(testInfo.project.use.baseURL);
	for (const persona of personas) {
		clients[persona] = await formClient(playwright, baseURL);
		if (persona !== 'anonymous') await signUpOverHttp(clients[persona], fixtures.accounts[persona]);
	}
	fixtures.lessonId = /href="\/lessons\/([^"/]+)"/.exec(await (await clients.anonymous.get('/')).text())![1];
	for (const persona of ['student', 'teacher', 'otherTeacher'] as const) {
		const submitted = await openAttempt(clients[persona]);
		expect((await clients[persona].post(`${quizPath(fixtures)}?/submit`, { form: { attemptId: submitted, confirmUnanswered: '1' } })).status()).toBe(303);
		fixtures.attempts[persona] = { submitted, open: await openAttempt(clients[persona]) };
	}
});

test.afterAll(async () => {
	for (const persona of personas) await clients[persona]?.dispose();
});

function describeOutcome(response: APIResponse): { access: Access | 'error'; detail: string } {
	const status = response.status();
	const location = response.headers()['location'] ?? '';
	const detail = `${status}${location ? ` → ${location}` : ''}`;
	if (status === 403) return { access: 'forbidden', detail };
	if (status === 404) return { access: 'notfound', detail };
	if (status === 303 && location.startsWith('/signin?redirectTo=')) return { access: 'signin', detail };
	if (status === 303 && location === '/') return { access: 'home', detail };
	if (status >= 500 || status === 401 || status === 405) return { access: 'error', detail };
	return { access: 'ok', detail };
}

for (const line of MATRIX) {
	const label = `${line.method} ${line.name ?? (typeof line.path === 'string' ? line.path : 'computed path')}`;
	test(`access: ${label}`, async () => {
		const path = typeof line.path === 'function' ? line.path(fixtures) : line.path;
		const form = typeof line.form === 'function' ? line.form(fixtures) : (line.form ?? {});
		for (const persona of personas) {
			const client = clients[persona];
			const response = line.method === 'GET' ? await client.get(path) : await client.post(path, { form });
			const outcome = describeOutcome(response);
			expect.soft(outcome.access, `${persona}: ${label} answered ${outcome.detail}`).toBe(line.access[persona]);
			if (line.method === 'GET' && outcome.access === 'ok') expect.soft(response.status(), `${persona}: ${label}`).toBe(200);
			if (outcome.access === 'signin') {
				const returnsTo = line.signinReturnsTo ? line.signinReturnsTo(fixtures) : path.split('?')[0];
				expect.soft(new URL(response.headers()['location'], 'http://x').searchParams.get('redirectTo')).toBe(returnsTo);
			}
			if (line.endsSession && persona !== 'anonymous') await signInOverHttp(client, fixtures.accounts[persona]);
		}
	});
}

test('a user cannot end someone else’s session, even knowing its id', async () => {
	const teacherPage = await (await clients.teacher.get('/account')).text();
	const teacherSessionId = /name="sessionId" value="([a-z2-7]{32})"/.exec(teacherPage)?.[1];
	expect(teacherSessionId).toBeTruthy();
	const response = await clients.student.post('/account?/endSession', { form: { sessionId: teacherSessionId! } });
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('That session was not found');
	expect((await clients.teacher.get('/account')).status()).toBe(200);
});

test('a form posted from another site is refused by the origin check, signed in or not', async () => {
	for (const persona of personas) {
		const response = await clients[persona].post('/account?/endOtherSessions', {
			headers: { origin: 'https://evil.example' },
			form: {}
		});
		expect.soft(response.status(), persona).toBe(403);
	}
	expect((await clients.student.get('/account')).status()).toBe(200);
});

test('the header shows the signed-in name and never leaks the email, ids or hashes', async () => {
	const html = await (await clients.student.get('/')).text();
	expect(html).toContain(fixtures.accounts.student.displayName);
	expect(html).not.toContain(fixtures.accounts.student.email);
	expect(html).not.toMatch(/argon2|secret_?hash|passwordHash/i);
});
