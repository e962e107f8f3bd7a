import type { Generated } from 'kysely';
import type { CompetencySums, InterviewerSums } from '../../domain/calibration-sums';
import type { DecisionOutcome } from '../../domain/decision';
import type { CompetencyKind } from '../../domain/library';
import type { SeatRole } from '../../domain/seat-roles';

// The tables of scorecards, calibration totals, debriefs and decisions (schema.ts).

export type ScorecardStatus = 'not_started' | 'draft' | 'submitted';

export interface ScorecardTable {
	id: Generated<number>;
	loopId: number;
	roundId: number;
	interviewerId: number;
	scheduledAt: number;
	status: Generated<ScorecardStatus>;
	version: Generated<number>;
	startedAt: number | null;
	submittedAt: number | null;
	/** The working copy: a ScorecardDocument as JSON. */
	content: Generated<string>;
	recommendation: number | null;
	amendedAt: number | null;
	openingId: number;
	roundKind: CompetencyKind;
	/** Practice seats (shadow, reverse shadow) never count: no rating rows, never complete. */
	seatRole: Generated<SeatRole>;
	/** 1 once the loop's whole panel has submitted (see loop.completedAt). */
	complete: Generated<number>;
	/** Hours from the interview's scheduled end to submission; null until submitted. */
	delayHours: number | null;
	/** The loop's current outcome, copied here for calibration's decision match. */
	loopOutcome: DecisionOutcome | null;
	createdAt: number;
	updatedAt: number;
}

export interface ScorecardRatingTable {
	scorecardId: number;
	loopId: number;
	interviewerId: number;
	competencyId: number;
	revisionId: number;
	/** Null when the competency was not assessed. */
	rating: number | null;
	submittedAt: number;
	interviewedAt: number;
	openingId: number;
	roundKind: CompetencyKind;
	complete: Generated<number>;
	/** Mean of the other panelists' ratings of this competency in this loop; null when none. */
	othersMean: number | null;
}

export interface RatingUnitTable {
	loopId: number;
	competencyId: number;
	openingId: number;
	roundKind: CompetencyKind;
	interviewedAt: number;
	n1: number;
	n2: number;
	n3: number;
	n4: number;
	notAssessed: number;
}

/** Monthly totals per interviewer (fields: InterviewerSums in domain/calibration-sums.ts). */
export type CalibrationInterviewerMonthTable = {
	month: number;
	interviewerId: number;
	roundKind: CompetencyKind;
} & InterviewerSums;

/** Monthly totals per competency (fields: CompetencySums). */
export type CalibrationCompetencyMonthTable = {
	month: number;
	competencyId: number;
	roundKind: CompetencyKind;
} & CompetencySums;

export interface ScorecardSubmissionTable {
	id: Generated<number>;
	scorecardId: number;
	content: string;
	/** Null for the first submission; the amendment's reason after. */
	reason: string | null;
	submittedBy: number;
	submittedAt: number;
}

export interface DebriefTable {
	loopId: number;
	/** JSON: agenda item key → notes. */
	notes: Generated<string>;
	/** JSON: user ids. */
	attendeeIds: Generated<string>;
	updatedBy: number | null;
	updatedAt: number;
}

export interface LoopDecisionTable {
	id: Generated<number>;
	loopId: number;
	outcome: DecisionOutcome;
	rationale: string;
	dissent: Generated<string>;
	/** JSON: [{ id, name }] as they were when the decision was recorded. */
	attendees: string;
	/** Null for the first decision; why it changed after. */
	changeReason: string | null;
	decidedBy: number;
	decidedAt: number;
}
