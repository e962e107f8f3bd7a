import type { CompetencyKind } from './library';

export interface CoverageRound {
	title: string;
	kind: CompetencyKind;
	durationMinutes: number;
	competencies: { id: number; name: string; kind: CompetencyKind }[];
	questionCount: number;
}

export interface CompetencyCoverage {
	id: number;
	name: string;
	kind: CompetencyKind;
	rounds: string[];
}

export interface Coverage {
	competencies: CompetencyCoverage[];
	balance: Record<CompetencyKind, { rounds: number; minutes: number }>;
	warnings: string[];
}

/**
 * What a loop covers: each competency with the rounds that rate it, the technical /
 * leadership balance, and the gaps a recruiter should fix before using it.
 */
export function templateCoverage(rounds: CoverageRound[]): Coverage {
	const byCompetency = new Map<number, CompetencyCoverage>();
	const balance: Coverage['balance'] = {
		technical: { rounds: 0, minutes: 0 },
		leadership: { rounds: 0, minutes: 0 }
	};
	const warnings: string[] = [];
	const withoutQuestions: string[] = [];

	rounds.forEach((round, index) => {
		const label = round.title || `Round ${index + 1}`;
		balance[round.kind].rounds += 1;
		balance[round.kind].minutes += round.durationMinutes;
		if (round.questionCount === 0) withoutQuestions.push(`“${label}”`);
		for (const competency of round.competencies) {
			const entry = byCompetency.get(competency.id) ?? { ...competency, rounds: [] };
			entry.rounds.push(label);
			byCompetency.set(competency.id, entry);
		}
	});

	const competencies = [...byCompetency.values()].sort(
		(a, b) => b.rounds.length - a.rounds.length || a.name.localeCompare(b.name)
	);
	// One warning per kind of gap, naming every case, so a long template reads as a short list.
	if (withoutQuestions.length === 1) warnings.push(`${withoutQuestions[0]} has no questions.`);
	if (withoutQuestions.length > 1)
		warnings.push(`${withoutQuestions.length} rounds have no questions: ${withoutQuestions.join(', ')}.`);
	const single = competencies.filter((c) => c.rounds.length === 1);
	if (single.length === 1)
		warnings.push(
			`${single[0]!.name} is rated in only one round (“${single[0]!.rounds[0]}”), so no second opinion backs it.`
		);
	if (single.length > 1)
		warnings.push(
			`${single.length} competencies are rated in only one round, so no second opinion backs them: ` +
				`${single.map((c) => `${c.name} (“${c.rounds[0]}”)`).join(', ')}.`
		);
	if (rounds.length > 0 && balance.technical.rounds === 0) warnings.push('The loop has no technical round.');
	if (rounds.length > 0 && balance.leadership.rounds === 0)
		warnings.push('The loop has no leadership round.');
	return { competencies, balance, warnings };
}
