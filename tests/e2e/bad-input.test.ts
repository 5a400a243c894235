import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import type { QuestionPrompt } from '../../src/lib/content/question-types';
import type { DatabaseTarget } from '../../src/lib/server/db/config';
import { createScratchDatabase } from '../../src/lib/server/db/scratch-database';
import { HttpClient, TEST_PASSWORD, courseLinks, signUp } from '../helpers/http-client';
import { startServer, waitUntilHealthy, type RunningServer } from '../helpers/server-process';
import { digestTables } from '../helpers/table-digest';

/**
 * Property-based requests against every form action and endpoint of the built server, over
 * loopback: well-formed requests get 2xx/3xx; malformed or refused ones (broken bodies, wrong
 * content types, NUL bytes, lone surrogates, invalid UTF-8, 1 MB fields, missing, repeated and
 * wrongly typed fields, other users' ids) get a 4xx and change no table. Never a 5xx.
 */
const kinds: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const VALID_RUNS = Number(process.env.FUZZ_VALID_RUNS ?? 250);
const INVALID_RUNS = Number(process.env.FUZZ_INVALID_RUNS ?? 900);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

type Who = 'anon' | 'a';
interface Req {
	label: string;
	who: Who;
	method: 'GET' | 'POST';
	path: string;
	body?: string | Uint8Array;
	contentType?: string;
}

interface Fixture {
	lessons: string[];
	sources: string[];
	openLesson: string;
	openAttempt: string;
	openQuestions: { questionId: string; position: number; prompt: QuestionPrompt }[];
	ownSubmitted: string;
	otherAttempt: string;
	otherSession: string;
	email: string;
}

const enc = (s: string) => encodeURIComponent(s);

/** UTF-8 bytes, except that a lone surrogate gets the three bytes a careless encoder writes (not valid UTF-8). */
function surrogateBytes(text: string): number[][] {
	return Array.from(text, (char) => {
		const code = char.codePointAt(0)!;
		if (code >= 0xd800 && code <= 0xdfff) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
		return [...Buffer.from(char, 'utf8')];
	});
}
const rawBytes = (text: string) => new Uint8Array(surrogateBytes(text).flat());
const percentEncoded = (text: string) => surrogateBytes(text).map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')).join('');
const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

// ---------- well-formed requests ----------

function validRequests(f: Fixture): fc.Arbitrary<Req> {
	const lesson = fc.constantFrom(...f.lessons);
	const pages = fc.record({
		who: fc.constantFrom<Who>('anon', 'a'),
		path: fc.oneof(
			fc.constantFrom('/', '/about', '/signin', '/signup', '/signout', '/progress', '/account', '/health', `/attempts/${enc(f.ownSubmitted)}`, `/signin?redirectTo=${enc('/progress')}`),
			lesson.map((l) => `/lessons/${enc(l)}`),
			lesson.map((l) => `/lessons/${enc(l)}/quiz`),
			fc.constantFrom(...f.sources).map((s) => `/sources/${enc(s)}`)
		)
	}).map(({ who, path }) => ({ label: `GET ${path}`, who, method: 'GET' as const, path }));

	const answer = (q: Fixture['openQuestions'][number]): fc.Arbitrary<[string, string][]> => {
		const name = `q${q.position}`;
		const p = q.prompt;
		switch (p.type) {
			case 'multiple_choice':
			case 'attribution':
				return fc.constantFrom('', ...p.options.map((o) => o.id)).map((v) => [[name, v]]);
			case 'true_false':
				return fc.constantFrom('', 'true', 'false').map((v) => [[name, v]]);
			case 'fill_blank':
				return fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => s.length <= 200 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)).map((v) => [[name, v]]);
			case 'numeric':
				return fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String), fc.constant('')).map((v) => [[name, v]]);
			case 'ordering':
				return fc
					.shuffledSubarray(p.items.map((_, i) => String(i + 1)), { minLength: p.items.length, maxLength: p.items.length })
					.map((order) => p.items.map((item, i) => [`${name}-${item.id}`, order[i]] as [string, string]));
		}
	};
	const save = fc
		.tuple(fc.tuple(...f.openQuestions.map(answer)), fc.option(fc.constantFrom(...f.openQuestions.map((q) => q.questionId)), { nil: undefined }))
		.map(([answers, questionId]) => ({
			label: 'save answers',
			who: 'a' as const,
			method: 'POST' as const,
			path: `/lessons/${enc(f.openLesson)}/quiz?/save`,
			body: form([['attemptId', f.openAttempt], ...(questionId ? [['questionId', questionId] as [string, string]] : []), ...answers.flat()]),
			contentType: 'application/x-www-form-urlencoded'
		}));
	const actions = fc.oneof(
		lesson.map((l) => ({ label: 'mark read', who: 'a' as const, method: 'POST' as const, path: `/lessons/${enc(l)}/quiz?/markRead`, body: '', contentType: 'application/x-www-form-urlencoded' })),
		fc.constant({ label: 'submit again', who: 'a' as const, method: 'POST' as const, path: `/lessons/${enc(f.lessons[1])}/quiz?/submit`, body: form([['attemptId', f.ownSubmitted], ['confirmUnanswered', '1']]), contentType: 'application/x-www-form-urlencoded' }),
		fc.constant({ label: 'sign in', who: 'anon' as const, method: 'POST' as const, path: '/signin', body: form([['email', f.email], ['password', TEST_PASSWORD]]), contentType: 'application/x-www-form-urlencoded' })
	);
	return fc.oneof({ arbitrary: pages, weight: 2 }, { arbitrary: save, weight: 3 }, { arbitrary: actions, weight: 1 });
}

// ---------- malformed and refused requests ----------

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function invalidRequests(f: Fixture): fc.Arbitrary<Req> {
	const quiz = `/lessons/${enc(f.openLesson)}/quiz`;
	const targets: { path: string; who: Who; fields: string[] }[] = [
		{ path: `${quiz}?/save`, who: 'a', fields: ['attemptId', 'questionId', 'q1', 'q2', 'q3'] },
		{ path: `${quiz}?/submit`, who: 'a', fields: ['attemptId', 'confirmUnanswered', 'q1', 'q2'] },
		{ path: `${quiz}?/start`, who: 'a', fields: [] },
		{ path: `${quiz}?/markRead`, who: 'a', fields: [] },
		{ path: '/signin', who: 'anon', fields: ['email', 'password', 'redirectTo'] },
		{ path: '/signup', who: 'anon', fields: ['email', 'displayName', 'role', 'password', 'redirectTo'] },
		{ path: '/signout', who: 'a', fields: [] },
		{ path: '/account?/endSession', who: 'a', fields: ['sessionId'] },
		{ path: '/account?/endOtherSessions', who: 'a', fields: [] },
		{ path: '/account?/changePassword', who: 'a', fields: ['currentPassword', 'newPassword'] },
		{ path: '/account?/deleteAccount', who: 'a', fields: ['password'] }
	];
	const target = fc.constantFrom(...targets);
	const fieldName = (t: (typeof targets)[number]) => (t.fields.length ? fc.constantFrom(...t.fields) : fc.constant('x'));
	const anyText = fc.string({ unit: 'binary', maxLength: 60 });
	const badText = fc.oneof(
		anyText.map((s) => `${s}\u0000${s}`),
		anyText.map((s) => `${s}\ud800`),
		anyText.map((s) => `\udc00${s}`),
		fc.tuple(anyText, fc.integer({ min: 1, max: 31 }).filter((c) => c !== 9 && c !== 10 && c !== 13)).map(([s, c]) => `${s}${String.fromCharCode(c)}`)
	);
	const post = (label: string, t: (typeof targets)[number], body: string | Uint8Array, contentType?: string): Req => ({ label: `${label} → ${t.path}`, who: t.who, method: 'POST', path: t.path, body, contentType });

	const broken = fc.oneof(
		fc.tuple(target, anyText).map(([t, s]) => post('text/plain', t, s, 'text/plain')),
		fc.tuple(target, anyText).map(([t, s]) => post('json', t, JSON.stringify({ value: s }), 'application/json')),
		fc.tuple(target, fc.uint8Array({ maxLength: 200 })).map(([t, b]) => post('no content type', t, b, undefined)),
		fc.tuple(target, anyText).map(([t, s]) => post('multipart without boundary', t, `--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n${s}\r\n--x--\r\n`, 'multipart/form-data')),
		fc.tuple(target, anyText).map(([t, s]) => post('multipart, wrong boundary', t, `--y\r\ncontent-disposition: form-data; name="a"\r\n\r\n${s}\r\n--y--\r\n`, 'multipart/form-data; boundary=x')),
		fc.tuple(target, anyText).map(([t, s]) => post('multipart, truncated', t, `--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n${s}`, 'multipart/form-data; boundary=x')),
		fc.tuple(target, fc.uint8Array({ minLength: 1, maxLength: 200 })).map(([t, b]) => post('random bytes as a form', t, b, 'application/x-www-form-urlencoded')),
		fc.tuple(target, fc.constantFrom('%FF', '%C3%28', '%ED%A0%80', '%E0%A4%A', '%')).chain(([t, esc]) => fieldName(t).map((n) => post(`bad %-escape ${esc}`, t, `${n}=a${esc}z`, 'application/x-www-form-urlencoded'))),
		fc.tuple(target, fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80])).chain(([t, bytes]) =>
			fieldName(t).map((n) => post('invalid UTF-8 bytes', t, new Uint8Array([...Buffer.from(`${n}=a`), ...bytes, 0x62]), 'application/x-www-form-urlencoded'))
		),
		fc.tuple(target, badText).chain(([t, s]) => fieldName(t).map((n) => post('NUL, control or lone surrogate in a field', t, `${n}=${percentEncoded(s)}`, 'application/x-www-form-urlencoded'))),
		fc.tuple(target, badText).chain(([t, s]) =>
			fieldName(t).map((n) => post('NUL, control or lone surrogate in a multipart field', t, rawBytes(`--x\r\ncontent-disposition: form-data; name="${n}"\r\n\r\n${s}\r\n--x--\r\n`), 'multipart/form-data; boundary=x'))
		),
		target.chain((t) => fieldName(t).map((n) => post('1 MB field', t, form([[n, 'a'.repeat(1 << 20)]]), 'application/x-www-form-urlencoded'))),
		target.chain((t) => fieldName(t).map((n) => post('a file where text belongs', t, `--x\r\ncontent-disposition: form-data; name="${n}"; filename="a.txt"\r\ncontent-type: text/plain\r\n\r\nhello\r\n--x--\r\n`, 'multipart/form-data; boundary=x')))
	);

	const choice = f.openQuestions.find((q) => q.prompt.type === 'multiple_choice' || q.prompt.type === 'attribution') ?? f.openQuestions[0];
	const offered = new Set(choice.prompt.type === 'multiple_choice' || choice.prompt.type === 'attribution' ? choice.prompt.options.map((o) => o.id) : []);
	const refused = fc.oneof(
		fc.constant(post("another learner's attempt (save)", targets[0], form([['attemptId', f.otherAttempt], ['q1', 'true']]), 'application/x-www-form-urlencoded')),
		fc.constant(post("another learner's attempt (submit)", targets[1], form([['attemptId', f.otherAttempt], ['confirmUnanswered', '1']]), 'application/x-www-form-urlencoded')),
		fc.string({ maxLength: 40 }).map((id) => post('an unknown attempt', targets[0], form([['attemptId', id]]), 'application/x-www-form-urlencoded')),
		fc.string({ minLength: 1, maxLength: 30 }).filter((v) => v.trim() !== '' && !offered.has(v))
			.map((v) => post('an answer that is not one of the choices', targets[0], form([['attemptId', f.openAttempt], [`q${choice.position}`, v]]), 'application/x-www-form-urlencoded')),
		fc.constant(post('a repeated attempt id, the first not yours', targets[0], form([['attemptId', f.otherAttempt], ['attemptId', f.openAttempt]]), 'application/x-www-form-urlencoded')),
		fc.constant(post('a question id not in the attempt', targets[0], form([['attemptId', f.openAttempt], ['questionId', 'q-0000000000']]), 'application/x-www-form-urlencoded')),
		fc.constant(post("another account's session", targets[7], form([['sessionId', f.otherSession]]), 'application/x-www-form-urlencoded')),
		fc.string({ maxLength: 40 }).map((s) => post('a session id of the wrong shape', targets[7], form([['sessionId', s]]), 'application/x-www-form-urlencoded')),
		fc.record({ email: fc.string({ maxLength: 30 }).filter((s) => !s.includes('@')), password: fc.string({ maxLength: 20 }) }).map((v) => post('sign-in, not an email', targets[4], form(Object.entries(v)), 'application/x-www-form-urlencoded')),
		fc.record({ email: fc.constant(f.email), displayName: fc.string({ maxLength: 20 }), role: fc.string({ maxLength: 10 }).filter((r) => r !== 'student' && r !== 'teacher'), password: fc.string({ maxLength: 20 }) }).map((v) => post('sign-up, wrong types', targets[5], form(Object.entries(v)), 'application/x-www-form-urlencoded')),
		fc.subarray(['currentPassword', 'newPassword']).map((present) => post('change password, missing fields', targets[9], form(present.map((n) => [n, ''])), 'application/x-www-form-urlencoded')),
		fc.constant(post('delete account, no password', targets[10], '', 'application/x-www-form-urlencoded'))
	);

	const badParam = fc.oneof(fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '%C3%28', '%E0%A4%A', '%01', 'x'.repeat(5000)), fc.string({ unit: 'binary', maxLength: 20 }).map((s) => enc(s)));
	const params = fc.tuple(badParam, fc.constantFrom('attempt', 'quiz', 'lesson', 'source', 'start', 'markRead', 'save')).map(([p, where]): Req => {
		switch (where) {
			case 'attempt':
				return { label: 'GET /attempts/<bad>', who: 'a', method: 'GET', path: `/attempts/${p}` };
			case 'quiz':
				return { label: 'GET /lessons/<bad>/quiz', who: 'a', method: 'GET', path: `/lessons/${p}/quiz` };
			case 'lesson':
				return { label: 'GET /lessons/<bad>', who: 'anon', method: 'GET', path: `/lessons/${p}` };
			case 'source':
				return { label: 'GET /sources/<bad>', who: 'anon', method: 'GET', path: `/sources/${p}` };
			default:
				return { label: `POST /lessons/<bad>/quiz?/${where}`, who: 'a', method: 'POST', path: `/lessons/${p}/quiz?/${where}`, body: form([['attemptId', f.openAttempt]]), contentType: 'application/x-www-form-urlencoded' };
		}
	});
	const others = fc.constantFrom<Req>(
		{ label: "GET another learner's attempt", who: 'a', method: 'GET', path: `/attempts/${enc(f.otherAttempt)}` },
		{ label: 'POST /health', who: 'anon', method: 'POST', path: '/health', body: 'x=1', contentType: 'application/x-www-form-urlencoded' },
		{ label: 'POST /health, text/plain', who: 'anon', method: 'POST', path: '/health', body: 'x', contentType: 'text/plain' },
		{ label: 'an action that does not exist', who: 'a', method: 'POST', path: `${quiz}?/nothing`, body: '', contentType: 'application/x-www-form-urlencoded' }
	);
	return fc.oneof({ arbitrary: broken, weight: 6 }, { arbitrary: refused, weight: 3 }, { arbitrary: params, weight: 3 }, { arbitrary: others, weight: 1 });
}

// ---------- running them ----------

interface Tally {
	sent: number;
	'2xx': number;
	'3xx': number;
	'4xx': number;
	'5xx': number;
	unexpected: string[];
}
const tally = (): Tally => ({ sent: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, unexpected: [] });

async function send(clients: Record<Who, HttpClient>, req: Req, email = ''): Promise<number> {
	const headers: Record<string, string> = {};
	if (req.contentType) headers['content-type'] = req.contentType;
	// the client keeps cookies from sign-in responses: these requests use a copy, so the session stays put
	const client = clients[req.who];
	const saved = client.cookie;
	// the raw path, so a %-escape reaches the server as written
	const response = await client.request(req.path, { method: req.method, body: req.method === 'POST' ? ((req.body ?? '') as BodyInit) : undefined, headers });
	client.cookie = saved;
	await response.arrayBuffer();
	// a refused request that signed the learner out has failed already; sign in again so the rest still count
	if (req.who === 'a' && email && (response.headers.get('location') ?? '').startsWith('/signin')) {
		await client.postForm('/signin', { email, password: TEST_PASSWORD });
	}
	return response.status;
}

function record(t: Tally, status: number, wanted: 'ok' | 'refused', req: Req): void {
	t.sent++;
	const band = status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx';
	t[band]++;
	const fine = wanted === 'ok' ? band === '2xx' || band === '3xx' : band === '4xx';
	if (!fine && t.unexpected.length < 40) t.unexpected.push(`${status} for ${req.label} (${req.method} ${req.path.slice(0, 80)})`);
}

async function prepare(url: string): Promise<{ clients: Record<Who, HttpClient>; fixture: Fixture }> {
	const a = new HttpClient(url);
	const b = new HttpClient(url);
	const email = await signUp(a, 'fuzz-a');
	await signUp(b, 'fuzz-b');
	const { lessons, sources } = await courseLinks(a);
	const started = async (client: HttpClient, lesson: string) => {
		const quiz = `/lessons/${enc(lesson)}/quiz`;
		expect((await client.postForm(`${quiz}?/start`, {})).status).toBe(303);
		const { nodes } = await client.pageData(quiz);
		return (nodes[0] as { attempt: { id: string; questions: Fixture['openQuestions'] } }).attempt;
	};
	const open = await started(a, lessons[0]);
	const toSubmit = await started(a, lessons[1]);
	expect((await a.postForm(`/lessons/${enc(lessons[1])}/quiz?/submit`, { attemptId: toSubmit.id, confirmUnanswered: '1' })).status).toBe(303);
	const other = await started(b, lessons[0]);
	expect((await b.postForm(`/lessons/${enc(lessons[0])}/quiz?/submit`, { attemptId: other.id, confirmUnanswered: '1' })).status).toBe(303);
	const { nodes } = await b.pageData('/account');
	const otherSession = (nodes[0] as { sessions: { id: string }[] }).sessions[0].id;
	return {
		clients: { anon: new HttpClient(url), a },
		fixture: { lessons, sources, openLesson: lessons[0], openAttempt: open.id, openQuestions: open.questions, ownSubmitted: toSubmit.id, otherAttempt: other.id, otherSession, email }
	};
}

const port = Number(process.env.E2E_PORT ?? 4173) + 150;
const counts: Record<string, { valid: Tally; invalid: Tally }> = {};

test.afterAll(() => {
	fs.mkdirSync('test-reports', { recursive: true });
	fs.writeFileSync('test-reports/fuzz-counts.json', JSON.stringify(counts, (k, v) => (k === 'unexpected' ? undefined : v), 2));
});

for (const [index, kind] of kinds.entries()) {
	test(`every form action and endpoint answers bad input with a 4xx and changes nothing [${kind}]`, async () => {
		test.setTimeout(300_000);
		let target: DatabaseTarget;
		let env: Record<string, string>;
		let cleanup: () => Promise<void>;
		if (kind === 'pglite') {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-fuzz-'));
			target = { kind: 'pglite', dataDir };
			env = { DATABASE_URL: dataDir };
			cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
		} else {
			const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'traceable_fuzz');
			target = { kind: 'postgres', url: scratch.url };
			env = { DATABASE_URL: scratch.url };
			cleanup = scratch.drop;
		}
		let server: RunningServer | undefined;
		const start = async () => {
			server = startServer(env, port + index);
			await waitUntilHealthy(server, 120_000);
		};
		const stop = async () => {
			server?.child.kill('SIGTERM');
			if ((await server?.waitForExit(10_000)) === null) server?.child.kill('SIGKILL');
			server = undefined;
		};
		try {
			await start();
			const { clients, fixture } = await prepare(server!.url);
			const valid = tally();
			await fc.assert(
				fc.asyncProperty(validRequests(fixture), async (req) => {
					record(valid, await send(clients, req, fixture.email), 'ok', req);
				}),
				{ numRuns: VALID_RUNS, seed: SEED, endOnFailure: true }
			);

			// PGlite's folder can be read only while no server holds it
			if (kind === 'pglite') await stop();
			const before = await digestTables(target);
			if (kind === 'pglite') await start();
			const invalid = tally();
			await fc.assert(
				fc.asyncProperty(invalidRequests(fixture), async (req) => {
					record(invalid, await send(clients, req, fixture.email), 'refused', req);
				}),
				{ numRuns: INVALID_RUNS, seed: SEED }
			);
			if (kind === 'pglite') await stop();
			const after = await digestTables(target);
			counts[kind] = { valid, invalid };
			console.log(`fuzz [${kind}] well-formed: ${JSON.stringify({ ...valid, unexpected: undefined })}; malformed or refused: ${JSON.stringify({ ...invalid, unexpected: undefined })}`);
			expect(valid.unexpected, 'well-formed requests that did not get 2xx/3xx').toEqual([]);
			expect(invalid.unexpected, 'malformed or refused requests that did not get a 4xx').toEqual([]);
			// a refused sign-in is still a failed guess: counting it is the throttle's whole job
			const { sign_in_throttles: _countedAfter, ...changedAfter } = after;
			const { sign_in_throttles: _countedBefore, ...changedBefore } = before;
			expect(changedAfter, 'tables after the refused requests').toEqual(changedBefore);
		} finally {
			await stop();
			await cleanup();
		}
	});
}
