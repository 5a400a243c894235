import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { formClient, newAccount, signInOverHttp, signUpOverHttp, type TestAccount } from '../helpers/accounts';
import { startServer, waitUntilHealthy, type RunningServer } from '../helpers/server-process';

/**
 * Who may do what, over HTTP against the built server, as a browser without JavaScript would.
 * One line per protected route or form action: later features add their lines to `MATRIX`.
 *
 * Personas: anonymous, the administrator (the installation's first account), a teacher and a
 * student of that teacher's class, and a second teacher with a student of their own class, so
 * class-scoped routes can say that owning *a* class is not owning *this* one.
 *
 * It runs on a server of its own on a fresh database, so its first account is the administrator.
 */
type Persona = 'anonymous' | 'admin' | 'student' | 'otherStudent' | 'teacher' | 'otherTeacher';

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
	/** the teacher's class (student is in it), a spare class of theirs to archive, the other teacher's class */
	classId: string;
	spareClassId: string;
	otherClassId: string;
	assignmentId: string;
	questionId: string;
	userIds: { student: string; otherStudent: string };
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
	admin: access,
	student: access,
	otherStudent: access,
	teacher: access,
	otherTeacher: access
});
const signedOutPage: Record<Persona, Access> = { ...signedIn('home'), anonymous: 'ok' };
const everyone: Record<Persona, Access> = { ...signedIn('ok'), anonymous: 'ok' };

const NO_SUCH_SESSION = 'a'.repeat(32);

/** Only the owner reaches their own attempt; everyone else gets a 404. */
const ownerOnly = (owner: SignedInPersona): Record<Persona, Access> => ({
	...signedIn('notfound'),
	[owner]: 'ok'
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
	...(['student', 'teacher', 'otherStudent'] as const).flatMap((owner): MatrixLine[] => [
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
			access: signedIn('notfound')
		}
	])
];

const notFoundWhenSignedIn: Record<Persona, Access> = { ...signedIn('notfound'), anonymous: 'signin' };

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

/** Teaching pages: the class's own teacher only; other teachers and the administrator get 404, students 403. */
const classOwner = (owner: 'teacher' | 'otherTeacher' = 'teacher', own: Access = 'ok'): Record<Persona, Access> => ({
	anonymous: 'signin',
	admin: 'notfound',
	student: 'forbidden',
	otherStudent: 'forbidden',
	teacher: owner === 'teacher' ? own : 'notfound',
	otherTeacher: owner === 'otherTeacher' ? own : 'notfound'
});
const teachers: Record<Persona, Access> = { ...signedIn('ok'), student: 'forbidden', otherStudent: 'forbidden' };
const adminOnly = (own: Access = 'ok'): Record<Persona, Access> => ({ ...signedIn('forbidden'), admin: own });
const classPath = (f: Fixtures) => `/teaching/classes/${f.classId}`;
const BAD_ID = 'not an id';

const TEACHING_LINES: MatrixLine[] = [
	{ method: 'GET', path: '/teaching', access: teachers },
	// an empty name is refused with a 400: nothing is created
	{ method: 'POST', path: '/teaching?/createClass', form: { name: '' }, access: teachers },
	{ name: '/teaching/classes/[class]', method: 'GET', path: classPath, access: classOwner() },
	{ name: '/teaching/classes/[other class]', method: 'GET', path: (f) => `/teaching/classes/${f.otherClassId}`, access: classOwner('otherTeacher') },
	{ name: '/teaching/classes/[class]?/rotateCode', method: 'POST', path: (f) => `${classPath(f)}?/rotateCode`, access: classOwner() },
	{ name: '/teaching/classes/[class]?/setJoining', method: 'POST', path: (f) => `${classPath(f)}?/setJoining`, form: { open: '1' }, access: classOwner() },
	{ name: '/teaching/classes/[spare class]?/archive', method: 'POST', path: (f) => `/teaching/classes/${f.spareClassId}?/archive`, access: classOwner() },
	{ name: '/teaching/classes/[class]?/addStudents', method: 'POST', path: (f) => `${classPath(f)}?/addStudents`, form: { names: '' }, access: classOwner() },
	{ name: '/teaching/classes/[class]?/removeStudent', method: 'POST', path: (f) => `${classPath(f)}?/removeStudent`, form: { studentId: BAD_ID }, access: classOwner() },
	{
		// a student of another class cannot be removed through this one, even by knowing their id
		name: '/teaching/classes/[class]?/removeStudent [other class’s student]',
		method: 'POST',
		path: (f) => `${classPath(f)}?/removeStudent`,
		form: (f) => ({ studentId: f.userIds.otherStudent }),
		access: classOwner('teacher', 'notfound')
	},
	{ name: '/teaching/classes/[class]?/resetPassword', method: 'POST', path: (f) => `${classPath(f)}?/resetPassword`, form: { studentId: BAD_ID }, access: classOwner() },
	{
		name: '/teaching/classes/[class]?/resetPassword [other class’s student]',
		method: 'POST',
		path: (f) => `${classPath(f)}?/resetPassword`,
		form: (f) => ({ studentId: f.userIds.otherStudent }),
		access: classOwner('teacher', 'notfound')
	},
	{ name: '/teaching/classes/[class]?/assign', method: 'POST', path: (f) => `${classPath(f)}?/assign`, form: { lessonId: '' }, access: classOwner() },
	{ name: '/teaching/classes/[class]?/unassign', method: 'POST', path: (f) => `${classPath(f)}?/unassign`, form: { assignmentId: BAD_ID }, access: classOwner() },
	{ name: '/teaching/classes/[class]/gradebook', method: 'GET', path: (f) => `${classPath(f)}/gradebook`, access: classOwner() },
	{
		name: '/teaching/classes/[class]/gradebook?sort=',
		method: 'GET',
		path: (f) => `${classPath(f)}/gradebook?sort=${f.assignmentId}.best&dir=desc`,
		access: classOwner(),
		// a page's own query is kept for the way back
		signinReturnsTo: (f) => `${classPath(f)}/gradebook?sort=${f.assignmentId}.best&dir=desc`
	},
	{ name: '/teaching/classes/[class]/gradebook.csv', method: 'GET', path: (f) => `${classPath(f)}/gradebook.csv`, access: classOwner() },
	{ name: '/teaching/classes/[class]/attempts.csv', method: 'GET', path: (f) => `${classPath(f)}/attempts.csv`, access: classOwner() },
	{ name: '/teaching/classes/[class]/assignments/[assignment]', method: 'GET', path: (f) => `${classPath(f)}/assignments/${f.assignmentId}`, access: classOwner() },
	{ name: '/teaching/classes/[class]/students/[student]', method: 'GET', path: (f) => `${classPath(f)}/students/${f.userIds.student}`, access: classOwner() },
	{
		name: '/teaching/classes/[class]/students/[other class’s student]',
		method: 'GET',
		path: (f) => `${classPath(f)}/students/${f.userIds.otherStudent}`,
		access: classOwner('teacher', 'notfound')
	},
	{
		name: '/teaching/classes/[other class]/students/[other class’s student]',
		method: 'GET',
		path: (f) => `/teaching/classes/${f.otherClassId}/students/${f.userIds.otherStudent}`,
		access: classOwner('otherTeacher')
	},
	// questions with their keys: teachers only
	{ name: '/teaching/questions/[question]', method: 'GET', path: (f) => `/teaching/questions/${encodeURIComponent(f.questionId)}`, access: teachers },
	{ method: 'GET', path: '/classes', access: signedIn('ok') },
	{ method: 'POST', path: '/classes?/join', form: { code: '' }, access: signedIn('ok') },
	// only a one-time password opens this page: everyone else is sent home
	{ method: 'GET', path: '/welcome', access: signedIn('home') },
	{ method: 'GET', path: '/admin', access: adminOnly() },
	{ method: 'POST', path: '/admin?/approve', form: { userId: 'a'.repeat(32) }, access: adminOnly('notfound') },
	{ method: 'POST', path: '/admin?/decline', form: { userId: 'a'.repeat(32) }, access: adminOnly('notfound') },
	{ method: 'POST', path: '/admin?/invite', form: { note: 'matrix' }, access: adminOnly() },
	{ method: 'POST', path: '/admin?/revoke', form: { invitationId: 'a'.repeat(32) }, access: adminOnly('notfound') },
	{
		// the administrator resets teachers' passwords, not students': their teacher does that
		name: '/admin?/resetPassword [a student]',
		method: 'POST',
		path: '/admin?/resetPassword',
		form: (f) => ({ userId: f.userIds.student }),
		access: adminOnly('notfound')
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
	...TEACHING_LINES,
	{ method: 'POST', path: '/signout', access: { ...signedIn('home'), anonymous: 'home' }, endsSession: true }
];

const personas: Persona[] = ['anonymous', 'admin', 'student', 'otherStudent', 'teacher', 'otherTeacher'];
const clients = {} as Record<Persona, APIRequestContext>;
const fixtures: Fixtures = {
	accounts: {
		admin: newAccount('student', 'admin'),
		student: newAccount('student'),
		otherStudent: newAccount('student', 'other-student'),
		teacher: newAccount('teacher'),
		otherTeacher: newAccount('teacher', 'other-teacher')
	},
	lessonId: '',
	attempts: {} as Fixtures['attempts'],
	classId: '',
	spareClassId: '',
	otherClassId: '',
	assignmentId: '',
	questionId: '',
	userIds: { student: '', otherStudent: '' }
};

/** The id of the persona's open attempt at the fixture lesson, starting one if needed. */
async function openAttempt(client: APIRequestContext): Promise<string> {
	expect((await client.post(`${quizPath(fixtures)}?/start`, { form: {} })).status()).toBe(303);
	const id = /name="attemptId" value="([^"]+)"/.exec(await (await client.get(quizPath(fixtures))).text())?.[1];
	expect(id).toBeTruthy();
	return id!;
}

test.describe.configure({ mode: 'serial' });

let server: RunningServer;
let dataDir = '';

/** A teacher account through an invitation link the administrator creates. */
async function inviteTeacher(persona: 'teacher' | 'otherTeacher') {
	const page = await (await clients.admin.post('/admin?/invite', { form: { note: persona } })).text();
	const token = /signup\?invite=([a-z2-7]{32})/.exec(page)?.[1];
	expect(token, 'invitation link').toBeTruthy();
	await signUpOverHttp(clients[persona], { ...fixtures.accounts[persona], invitation: token! } as typeof fixtures.accounts.teacher);
}

async function createClassOf(persona: 'teacher' | 'otherTeacher', name: string): Promise<string> {
	const response = await clients[persona].post('/teaching?/createClass', { form: { name } });
	expect(response.status()).toBe(303);
	return /\/teaching\/classes\/([a-z2-7]{32})$/.exec(response.headers().location)![1];
}

async function joinClass(persona: 'student' | 'otherStudent', classId: string, teacher: 'teacher' | 'otherTeacher'): Promise<string> {
	const page = await (await clients[teacher].get(`/teaching/classes/${classId}`)).text();
	const code = /class="code[^"]*"[^>]*>([A-Z2-9]{3}-[A-Z2-9]{3})</.exec(page)![1];
	const joined = await clients[persona].post('/classes?/join', { form: { code } });
	expect(joined.status()).toBe(200);
	const roster = await (await clients[teacher].get(`/teaching/classes/${classId}`)).text();
	return new RegExp(`/teaching/classes/${classId}/students/([a-z2-7]{32})`).exec(roster)![1];
}

test.beforeAll(async ({ playwright }) => {
	test.setTimeout(180_000);
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-matrix-'));
	server = startServer({ DATABASE_URL: dataDir }, Number(process.env.E2E_PORT ?? 4173) + 2);
	await waitUntilHealthy(server, 120_000);
	const baseURL = server.url;
	for (const persona of personas) clients[persona] = await formClient(playwright, baseURL);
	// the first account on a fresh installation is its administrator
	for (const persona of ['admin', 'student', 'otherStudent'] as const) await signUpOverHttp(clients[persona], fixtures.accounts[persona]);
	await inviteTeacher('teacher');
	await inviteTeacher('otherTeacher');
	fixtures.lessonId = /href="\/lessons\/([^"/]+)"/.exec(await (await clients.anonymous.get('/')).text())![1];
	fixtures.classId = await createClassOf('teacher', 'Civics 9B');
	fixtures.spareClassId = await createClassOf('teacher', 'Spare');
	fixtures.otherClassId = await createClassOf('otherTeacher', 'History 10A');
	fixtures.userIds.student = await joinClass('student', fixtures.classId, 'teacher');
	fixtures.userIds.otherStudent = await joinClass('otherStudent', fixtures.otherClassId, 'otherTeacher');
	expect((await clients.teacher.post(`/teaching/classes/${fixtures.classId}?/assign`, { form: { lessonId: fixtures.lessonId } })).status()).toBe(200);
	fixtures.assignmentId = new RegExp(`/teaching/classes/${fixtures.classId}/assignments/([a-z2-7]{32})`).exec(
		await (await clients.teacher.get(`/teaching/classes/${fixtures.classId}`)).text()
	)![1];
	for (const persona of ['student', 'otherStudent', 'teacher', 'otherTeacher'] as const) {
		const submitted = await openAttempt(clients[persona]);
		expect((await clients[persona].post(`${quizPath(fixtures)}?/submit`, { form: { attemptId: submitted, confirmUnanswered: '1' } })).status()).toBe(303);
		fixtures.attempts[persona] = { submitted, open: await openAttempt(clients[persona]) };
	}
	const analysis = await (await clients.teacher.get(`/teaching/classes/${fixtures.classId}/assignments/${fixtures.assignmentId}`)).text();
	fixtures.questionId = decodeURIComponent(/href="\/teaching\/questions\/([^"]+)"/.exec(analysis)![1]);
});

test.afterAll(async () => {
	for (const persona of personas) await clients[persona]?.dispose();
	server?.child.kill('SIGTERM');
	await server?.waitForExit(5_000);
	if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
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
