import type { Citation, QuestionAnswer, QuestionPrompt, QuestionResponse } from '../../content/question-types';
import { displayText } from '../../content/display';
import { citationHref, describeAnswer, describeResponse, distinctCitations } from '../../quiz/describe';
import { answerPhrases, chosenPhrase, explanationLead, markPhrase, whereChosenBelongs, type TeachingFeedback } from '../../quiz/feedback';

export type { TeachingFeedback };
import { allSourceSentences, lessonSectionHref, sourceTitle } from './course';

export function teachingFeedback(input: {
	prompt: QuestionPrompt;
	answer: QuestionAnswer;
	response: QuestionResponse | null;
	explanation: string;
	citations: unknown;
	correct: boolean;
	lessonId: string;
	objectiveId?: string;
}): TeachingFeedback {
	const { prompt, answer, response, correct, lessonId } = input;
	const citations = distinctCitations(Array.isArray(input.citations) ? (input.citations as Citation[]) : []);
	const phrases = answerPhrases(prompt, answer);
	const cited = citations.map((c) => ({
		href: citationHref(c, lessonId),
		sourceTitle: sourceTitle(c.sourceId),
		parts: markPhrase(displayText(c.text), phrases)
	}));
	let chosenElsewhere: TeachingFeedback['chosenElsewhere'] = null;
	const chosen = correct ? null : chosenPhrase(prompt, response);
	if (chosen) {
		const topic = citations.map((c) => c.text).join(' ') || prompt.stem;
		const found = whereChosenBelongs(chosen, allSourceSentences(), citations, topic);
		if (found) {
			chosenElsewhere = {
				chosen,
				sentence: {
					href: citationHref(found, lessonId),
					sourceTitle: sourceTitle(found.sourceId),
					parts: markPhrase(displayText(found.text), [chosen, chosen.replace(/^(the|a|an)\s+/i, '')])
				}
			};
		}
	}
	return {
		correct,
		yourAnswer: describeResponse(prompt, response),
		correctAnswer: describeAnswer(prompt, answer),
		lead: explanationLead(input.explanation),
		cited,
		chosenElsewhere,
		lessonHref: lessonSectionHref(lessonId, input.objectiveId)
	};
}
