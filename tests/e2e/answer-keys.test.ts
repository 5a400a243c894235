import { expect, test } from '@playwright/test';
import { seedContent } from '../helpers/seed-content';
import type { GeneratedQuestion, QuestionPrompt } from '../../src/lib/content/question-types';
import { recoverAnswers, sentencesOnSourcePage, tokensOf, type ShownQuestion, type SourceSentence } from '../helpers/answer-key-attack';
import { HttpClient, courseLinks, signUp } from '../helpers/http-client';

// Nothing a signed-in learner's browser receives before submitting may give an answer away.

let content: GeneratedQuestion[] = [];
let sentences: SourceSentence[] = [];
const received: string[] = [];
const shown: ShownQuestion[] = [];

test.beforeAll(async ({ baseURL }) => {
	test.setTimeout(180_000);
	const client = new HttpClient(baseURL!);
	await signUp(client, 'answer-keys');
	const { lessons, sources } = await courseLinks(client);
	expect(lessons.length).toBeGreaterThan(0);
	for (const source of sources) {
		const html = await client.text(`/sources/${encodeURIComponent(source)}`);
		received.push(html);
		sentences.push(...sentencesOnSourcePage(html));
	}
	for (const lesson of lessons) {
		const quiz = `/lessons/${encodeURIComponent(lesson)}/quiz`;
		received.push(await client.text(quiz));
		expect((await client.postForm(`${quiz}?/start`, {})).status).toBe(303);
		received.push(await client.text(quiz));
		const { raw, nodes } = await client.pageData(quiz);
		received.push(raw);
		const page = nodes[0] as { attempt: { questions: { prompt: QuestionPrompt }[] } };
		shown.push(...page.attempt.questions.map((q) => ({ lessonId: lesson, prompt: q.prompt })));
	}
	// what the server generated, to check the attack itself and to look for content ids on the page
	content = seedContent().questions;
});

test('the attack recovers the answers from content ids (so a clean run below means something)', () => {
	const sample = content.slice(0, 40);
	const observed = new Set(sample.flatMap((q) => [q.id, ...('options' in q.prompt ? q.prompt.options : q.prompt.type === 'ordering' ? q.prompt.items : []).map((c) => c.id)]));
	const recovered = recoverAnswers(sample.map((q) => ({ lessonId: q.lessonId, prompt: q.prompt })), sentences, observed);
	expect(recovered.length, 'answers recovered from content ids').toBeGreaterThanOrEqual(sample.length * 0.8);
});

test('no content id of a question, option or ordering item reaches the browser before submitting', () => {
	expect(shown.length).toBeGreaterThan(0);
	const tokens = tokensOf(received);
	const leaked = content.flatMap((q) => [q.id, ...('options' in q.prompt ? q.prompt.options : q.prompt.type === 'ordering' ? q.prompt.items : []).map((c) => c.id)]).filter((id) => tokens.has(id));
	expect(leaked).toEqual([]);
});

test('from the quiz pages, their data and the public source pages, the attack recovers no answer', () => {
	const recovered = recoverAnswers(shown, sentences, tokensOf(received));
	expect(recovered, `${recovered.length} of ${shown.length} answers recovered before submitting`).toEqual([]);
});
