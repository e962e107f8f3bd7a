import type { Insertable, Selectable } from 'kysely';
import type {
	UserTable,
	SessionTable,
	ApiTokenTable,
	InviteTable,
	AuditEventTable,
	MetaTable,
	RateLimitTable,
	UserTotpTable,
	RecoveryCodeTable,
	UserIdentityTable,
	InterviewerQualificationTable,
	TrainingPathTable,
	InterviewerLoadLimitTable
} from './schema-accounts';
import type {
	CompetencyTable,
	CompetencyRevisionTable,
	QuestionTable,
	QuestionRevisionTable,
	QuestionCompetencyTable,
	LoopTemplateTable,
	TemplateRoundTable,
	TemplateRoundCompetencyTable,
	TemplateRoundQuestionTable
} from './schema-library';
import type {
	OpeningTable,
	OpeningHiringManagerTable,
	CandidateTable,
	CandidateResumeTable,
	CandidateOpeningTable,
	LoopTable,
	LoopRoundTable,
	LoopRoundCompetencyTable,
	LoopRoundQuestionTable
} from './schema-hiring';
import type {
	ScorecardTable,
	ScorecardRatingTable,
	RatingUnitTable,
	CalibrationInterviewerMonthTable,
	CalibrationCompetencyMonthTable,
	ScorecardSubmissionTable,
	DebriefTable,
	LoopDecisionTable
} from './schema-evaluation';
import type {
	JobTable,
	JobDeliveryTable,
	PasswordResetTable,
	OpeningReminderSettingTable,
	UserNoticeSettingTable,
	NoticeTable
} from './schema-jobs';
import type {
	WebhookEndpointTable,
	WebhookMessageTable,
	WebhookDeliveryTable,
	CalendarFeedTable,
	CalendarInvitationTable
} from './schema-outbound';
import type { DemographicAnswerTable } from './schema-fairness';
import type { ScimTokenTable, ScimUserTable } from './schema-provisioning';
import type {
	CalibrationExerciseTable,
	CalibrationExerciseCompetencyTable,
	CalibrationExerciseAttemptTable,
	CalibrationExerciseRatingTable,
	CalibrationExerciseAssignmentTable
} from './schema-exercises';

// Tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns), one
// module per area beside this file. Every timestamp is epoch milliseconds (INTEGER), one
// convention everywhere.

export interface Database {
	user: UserTable;
	session: SessionTable;
	apiToken: ApiTokenTable;
	invite: InviteTable;
	auditEvent: AuditEventTable;
	meta: MetaTable;
	userTotp: UserTotpTable;
	recoveryCode: RecoveryCodeTable;
	userIdentity: UserIdentityTable;
	interviewerQualification: InterviewerQualificationTable;
	trainingPath: TrainingPathTable;
	interviewerLoadLimit: InterviewerLoadLimitTable;
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
	job: JobTable;
	jobDelivery: JobDeliveryTable;
	passwordReset: PasswordResetTable;
	webhookEndpoint: WebhookEndpointTable;
	webhookMessage: WebhookMessageTable;
	webhookDelivery: WebhookDeliveryTable;
	calendarFeed: CalendarFeedTable;
	calendarInvitation: CalendarInvitationTable;
	demographicAnswer: DemographicAnswerTable;
	scimToken: ScimTokenTable;
	scimUser: ScimUserTable;
	openingReminderSetting: OpeningReminderSettingTable;
	userNoticeSetting: UserNoticeSettingTable;
	notice: NoticeTable;
	calibrationExercise: CalibrationExerciseTable;
	calibrationExerciseCompetency: CalibrationExerciseCompetencyTable;
	calibrationExerciseAttempt: CalibrationExerciseAttemptTable;
	calibrationExerciseRating: CalibrationExerciseRatingTable;
	calibrationExerciseAssignment: CalibrationExerciseAssignmentTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type Invite = Selectable<InviteTable>;
