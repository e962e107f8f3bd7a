import { formatLabels, type RoundFormat } from './library';
import type { QualificationStatus } from './qualifications';
import type { SeatRole } from './seat-roles';

// Panel warnings (decision 030, panels): they flag a panel built against the training rules
// and never refuse it; the same rules run on the server (the loop page and its JSON) and in
// the browser while a panel is being picked.

/** Where someone stands for a round's format: `none` when they hold no qualification in it. */
export type PickStatus = QualificationStatus | 'none';

export const pickStatusLabels: Record<PickStatus, string> = {
	qualified: 'Qualified',
	lapsed: 'Lapsed',
	trainee: 'Trainee',
	none: 'Not qualified'
};

export const panelWarningKinds = ['unqualified_interviewer', 'trainee_alone', 'over_weekly_limit'] as const;
export type PanelWarningKind = (typeof panelWarningKinds)[number];

export interface PanelWarning {
	kind: PanelWarningKind;
	roundId: number;
	userId: number;
	message: string;
}

export interface WarningSeat {
	userId: number;
	name: string;
	role: SeatRole;
	scheduledAt: number;
}

export interface WarningRound {
	id: number;
	title: string;
	format: RoundFormat;
	seats: readonly WarningSeat[];
}

export interface WarningFacts {
	statusOf(userId: number, format: RoundFormat): PickStatus;
	/** The person's weekly limit (null: none) and their interviews in the week holding `at`, this seat included. */
	weekOf(userId: number, at: number): { count: number; limit: number | null };
}

const standing: Record<Exclude<PickStatus, 'qualified'>, string> = {
	trainee: 'a trainee',
	lapsed: 'lapsed',
	none: 'not qualified'
};

/** Every warning for a panel, round by round, in seat order. */
export function findPanelWarnings(rounds: readonly WarningRound[], facts: WarningFacts): PanelWarning[] {
	const warnings: PanelWarning[] = [];
	for (const round of rounds) {
		const format = formatLabels[round.format];
		const qualifiedInterviewer = round.seats.some(
			(s) => s.role === 'interviewer' && facts.statusOf(s.userId, round.format) === 'qualified'
		);
		for (const seat of round.seats) {
			const at = { roundId: round.id, userId: seat.userId };
			const status = facts.statusOf(seat.userId, round.format);
			if (seat.role === 'interviewer' && status !== 'qualified') {
				warnings.push({
					kind: 'unqualified_interviewer',
					...at,
					message: `${seat.name} interviews in ${round.title} but is ${standing[status]} for ${format}`
				});
			}
			if (seat.role !== 'interviewer' && !qualifiedInterviewer) {
				warnings.push({
					kind: 'trainee_alone',
					...at,
					message: `${seat.name} practises in ${round.title} without a qualified ${format} interviewer beside them`
				});
			}
			const week = facts.weekOf(seat.userId, seat.scheduledAt);
			if (week.limit !== null && week.count > week.limit) {
				warnings.push({
					kind: 'over_weekly_limit',
					...at,
					message: `${seat.name} has ${week.count} interviews in the week of ${round.title}, over their limit of ${week.limit}`
				});
			}
		}
	}
	return warnings;
}
