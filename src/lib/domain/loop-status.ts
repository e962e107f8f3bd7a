import { day, minute } from './time';

export const loopStatuses = [
	'draft',
	'scheduled',
	'in_progress',
	'awaiting_feedback',
	'ready_for_debrief',
	'decided',
	'cancelled'
] as const;
export type LoopStatus = (typeof loopStatuses)[number];

export const loopStatusLabels: Record<LoopStatus, string> = {
	draft: 'Draft',
	scheduled: 'Scheduled',
	in_progress: 'In progress',
	awaiting_feedback: 'Awaiting feedback',
	ready_for_debrief: 'Ready for debrief',
	decided: 'Decided',
	cancelled: 'Cancelled'
};

/** What the status of a loop follows from, gathered in one query. */
export interface LoopFacts {
	cancelledAt: number | null;
	decidedAt: number | null;
	rounds: number;
	/** Rounds with at least one interviewer. */
	staffedRounds: number;
	scorecards: number;
	submitted: number;
	firstStart: number | null;
	lastEnd: number | null;
}

/**
 * draft → scheduled → in progress → awaiting feedback → ready for debrief → decided (or
 * cancelled). A loop is a draft until every round has an interviewer; it is ready for
 * debrief as soon as every scorecard is in, even before the last interview's end.
 */
export function loopStatus(facts: LoopFacts, now: number): LoopStatus {
	if (facts.cancelledAt !== null) return 'cancelled';
	if (facts.decidedAt !== null) return 'decided';
	if (facts.rounds === 0 || facts.staffedRounds < facts.rounds) return 'draft';
	if (facts.scorecards > 0 && facts.submitted === facts.scorecards) return 'ready_for_debrief';
	if (facts.firstStart === null || now < facts.firstStart) return 'scheduled';
	if (facts.lastEnd !== null && now < facts.lastEnd) return 'in_progress';
	return 'awaiting_feedback';
}

/** An interview ends at its scheduled start plus the round's duration. */
export function interviewEnd(scheduledAt: number, durationMinutes: number): number {
	return scheduledAt + durationMinutes * minute;
}

/** Feedback is due 24 hours after the interview ends. */
export const feedbackDueAfterMs = day;

export function isOverdue(
	scorecard: { status: string; scheduledAt: number; durationMinutes: number },
	now: number
): boolean {
	return (
		scorecard.status !== 'submitted' &&
		now > interviewEnd(scorecard.scheduledAt, scorecard.durationMinutes) + feedbackDueAfterMs
	);
}

export function isLate(scorecard: {
	submittedAt: number | null;
	scheduledAt: number;
	durationMinutes: number;
}): boolean {
	return (
		scorecard.submittedAt !== null &&
		scorecard.submittedAt >
			interviewEnd(scorecard.scheduledAt, scorecard.durationMinutes) + feedbackDueAfterMs
	);
}

export const scorecardStatusLabels: Record<string, string> = {
	not_started: 'Not started',
	draft: 'Draft',
	submitted: 'Submitted'
};
