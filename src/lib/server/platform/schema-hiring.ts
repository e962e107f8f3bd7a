import type { Generated } from 'kysely';
import type { DecisionOutcome } from '../../domain/decision';
import type { CompetencyKind, EvidenceRule, RoundFormat, VisibilityMode } from '../../domain/library';

// The tables of openings, candidates and loops with their frozen rounds (schema.ts).

export interface OpeningTable {
	id: Generated<number>;
	title: string;
	/** What the role is, for the panel: shown read-only in the interview kit. */
	description: Generated<string>;
	team: string;
	level: string;
	templateId: number;
	status: 'open' | 'closed';
	createdAt: number;
	updatedAt: number;
}

export interface OpeningHiringManagerTable {
	openingId: number;
	userId: number;
}

export interface CandidateTable {
	id: Generated<number>;
	name: string;
	email: string;
	notes: string;
	createdAt: number;
	updatedAt: number;
	/** Set once the candidate is anonymised (decision 024); nothing personal is left after. */
	anonymisedAt: Generated<number | null>;
	/** A legal hold keeps the candidate from being anonymised, by hand or by retention. */
	legalHoldReason: Generated<string | null>;
	legalHoldAt: Generated<number | null>;
	legalHoldBy: Generated<number | null>;
}

export interface CandidateResumeTable {
	candidateId: number;
	/** As uploaded, for the download's name; made safe where it is sent. */
	fileName: string;
	sizeBytes: number;
	sha256: string;
	/** The PDF, when résumés are kept in the database; null when kept in RESUME_DIR. */
	content: Uint8Array | null;
	/** The file's name in RESUME_DIR; null when kept in the database. */
	storedName: string | null;
	uploadedBy: number | null;
	uploadedAt: number;
}

export interface CandidateOpeningTable {
	candidateId: number;
	openingId: number;
	addedAt: number;
}

export interface LoopTable {
	id: Generated<number>;
	candidateId: number;
	openingId: number;
	templateId: number | null;
	templateName: string;
	visibilityMode: VisibilityMode;
	evidenceRule: EvidenceRule;
	cancelledAt: number | null;
	/** When the last scorecard of a fully submitted panel came in; null while any is missing. */
	completedAt: number | null;
	/** The current decision, kept here for calibration's recommendation-vs-decision match. */
	outcome: DecisionOutcome | null;
	createdBy: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface LoopRoundTable {
	id: Generated<number>;
	loopId: number;
	position: number;
	title: string;
	kind: CompetencyKind;
	format: RoundFormat;
	durationMinutes: number;
}

export interface LoopRoundCompetencyTable {
	roundId: number;
	competencyId: number;
	revisionId: number;
	position: number;
}

export interface LoopRoundQuestionTable {
	id: Generated<number>;
	roundId: number;
	questionId: number | null;
	/** The question as it was when the loop was created. */
	revisionId: number;
	position: number;
}
