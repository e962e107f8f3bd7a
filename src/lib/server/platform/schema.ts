import type { Generated, Insertable, Selectable } from 'kysely';
import type { CompetencySums, InterviewerSums } from '../../domain/calibration-sums';
import type { DecisionOutcome } from '../../domain/decision';
import type { CompetencyKind, EvidenceRule, RoundFormat, VisibilityMode } from '../../domain/library';
import type { Role } from '../../domain/roles';

// Tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns).
// Every timestamp is epoch milliseconds (INTEGER), one convention everywhere.

export interface UserTable {
	id: Generated<number>;
	email: string;
	name: string;
	role: Role;
	passwordHash: string;
	deactivatedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface SessionTable {
	id: string;
	secretHash: Uint8Array;
	userId: number;
	createdAt: number;
	lastVerifiedAt: number;
}

export interface ApiTokenTable {
	id: string;
	secretHash: Uint8Array;
	userId: number;
	name: string;
	createdAt: number;
	lastUsedAt: number | null;
	revokedAt: number | null;
}

export interface InviteTable {
	id: string;
	secretHash: Uint8Array;
	email: string;
	role: Role;
	invitedBy: number;
	createdAt: number;
	expiresAt: number;
	acceptedAt: number | null;
	acceptedUserId: number | null;
	revokedAt: number | null;
}

export interface AuditEventTable {
	id: Generated<number>;
	actorUserId: number | null;
	action: string;
	entityType: string;
	entityId: string;
	before: string | null;
	after: string | null;
	at: number;
}

export interface MetaTable {
	key: string;
	value: string;
}

export interface CompetencyTable {
	id: Generated<number>;
	name: string;
	kind: CompetencyKind;
	currentRevisionId: number | null;
	archivedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface CompetencyRevisionTable {
	id: Generated<number>;
	competencyId: number;
	revision: number;
	name: string;
	description: string;
	anchor1: string;
	anchor2: string;
	anchor3: string;
	anchor4: string;
	createdBy: number | null;
	createdAt: number;
}

export interface QuestionTable {
	id: Generated<number>;
	/** The current text is kept here too, for lists and search; every version is a revision. */
	currentRevisionId: number | null;
	prompt: string;
	/** One probe per line. */
	probes: string;
	goodLooksLike: string;
	redFlags: string;
	archivedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface QuestionRevisionTable {
	id: Generated<number>;
	questionId: number;
	revision: number;
	prompt: string;
	probes: string;
	goodLooksLike: string;
	redFlags: string;
	createdAt: number;
}

export interface QuestionCompetencyTable {
	questionId: number;
	competencyId: number;
}

export interface LoopTemplateTable {
	id: Generated<number>;
	name: string;
	description: string;
	visibilityMode: VisibilityMode;
	evidenceRule: EvidenceRule;
	archivedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface TemplateRoundTable {
	id: Generated<number>;
	templateId: number;
	position: number;
	title: string;
	kind: CompetencyKind;
	format: RoundFormat;
	durationMinutes: number;
}

export interface TemplateRoundCompetencyTable {
	roundId: number;
	competencyId: number;
	position: number;
}

export interface TemplateRoundQuestionTable {
	roundId: number;
	questionId: number;
	position: number;
}

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

/** A shared rate limit's state for one key (auth/shared-rate-limit.ts). */
export interface RateLimitTable {
	key: string;
	count: number;
	/** Epoch ms: the last failure, or the start of the counting window. */
	at: number;
}

export interface Database {
	user: UserTable;
	session: SessionTable;
	apiToken: ApiTokenTable;
	invite: InviteTable;
	auditEvent: AuditEventTable;
	meta: MetaTable;
	competency: CompetencyTable;
	competencyRevision: CompetencyRevisionTable;
	question: QuestionTable;
	questionRevision: QuestionRevisionTable;
	questionCompetency: QuestionCompetencyTable;
	loopTemplate: LoopTemplateTable;
	templateRound: TemplateRoundTable;
	templateRoundCompetency: TemplateRoundCompetencyTable;
	templateRoundQuestion: TemplateRoundQuestionTable;
	opening: OpeningTable;
	openingHiringManager: OpeningHiringManagerTable;
	candidate: CandidateTable;
	candidateOpening: CandidateOpeningTable;
	candidateResume: CandidateResumeTable;
	loop: LoopTable;
	loopRound: LoopRoundTable;
	loopRoundCompetency: LoopRoundCompetencyTable;
	loopRoundQuestion: LoopRoundQuestionTable;
	scorecard: ScorecardTable;
	scorecardRating: ScorecardRatingTable;
	scorecardSubmission: ScorecardSubmissionTable;
	debrief: DebriefTable;
	loopDecision: LoopDecisionTable;
	ratingUnit: RatingUnitTable;
	calibrationInterviewerMonth: CalibrationInterviewerMonthTable;
	calibrationCompetencyMonth: CalibrationCompetencyMonthTable;
	rateLimit: RateLimitTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type Invite = Selectable<InviteTable>;
