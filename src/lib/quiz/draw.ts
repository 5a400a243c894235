import { seededShuffle, deriveSeed } from './random';

export const QUIZ_LENGTH = 10;

export interface BankQuestion {
	id: string;
	type: string;
	objectiveId: string;
}

/**
 * Picks `count` questions (all of them if the bank is smaller) so that objectives and types are
 * spread as evenly as the bank allows, then shuffles their order. Deterministic for a given seed.
 */
export function drawQuestions<Q extends BankQuestion>(bank: readonly Q[], seed: number, count = QUIZ_LENGTH): Q[] {
	// sort first so the draw depends on the bank's content, not the order the database returned it in
	const sorted = bank.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const remaining = seededShuffle(sorted, deriveSeed(seed, 'draw'));
	const perObjective = new Map<string, number>();
	const perType = new Map<string, number>();
	const chosen: Q[] = [];
	while (chosen.length < count && remaining.length > 0) {
		// the least-covered objective first, then the least-used type; ties keep the shuffled order
		let best = 0;
		for (let i = 1; i < remaining.length; i++) {
			if (coverage(remaining[i], perObjective, perType) < coverage(remaining[best], perObjective, perType)) best = i;
		}
		const [question] = remaining.splice(best, 1);
		perObjective.set(question.objectiveId, (perObjective.get(question.objectiveId) ?? 0) + 1);
		perType.set(question.type, (perType.get(question.type) ?? 0) + 1);
		chosen.push(question);
	}
	return seededShuffle(chosen, deriveSeed(seed, 'order'));
}

function coverage(question: BankQuestion, perObjective: Map<string, number>, perType: Map<string, number>): number {
	// objective coverage dominates; type variety breaks ties between equally covered objectives
	return (perObjective.get(question.objectiveId) ?? 0) * 1000 + (perType.get(question.type) ?? 0);
}
