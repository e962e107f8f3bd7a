import { z } from 'zod';
import { decisionOutcomes } from '../../domain/decision';
import { noteFieldKeys } from '../../domain/scorecard';
import { practiceRoles } from '../../domain/seat-roles';
import {
	evidenceRule,
	expected,
	id,
	level,
	longText,
	name,
	roundShape,
	text,
	time,
	visibilityMode,
	wholeNumber
} from './format-fields';

// A loop in the export file (format.ts has the whole file): its rounds as they were frozen,
// its panel's scorecards with every submitted version, its debrief and its decisions.

export const loopRoundSchema = z.strictObject({
	...roundShape,
	competencies: z.array(z.strictObject({ competencyId: id, revisionId: id })),
	questions: z.array(z.strictObject({ id, questionId: id.nullable(), revisionId: id }))
});

/** A scorecard's content: the interviewer's working copy, or one submitted version of it. */
export const documentSchema = z.strictObject({
	recommendation: level.nullable(),
	summary: longText,
	freeNotes: longText,
	ratings: z.array(
		z.strictObject({
			competencyId: id,
			rating: level.nullable(),
			notAssessedReason: longText.nullable(),
			evidence: longText
		})
	),
	notes: z.array(
		z.strictObject({
			questionId: id,
			field: z.enum(noteFieldKeys, { error: expected('Not a note field of any round') }),
			text: longText
		})
	)
});

export const scorecardSchema = z.strictObject({
	id,
	roundId: id,
	interviewerId: id,
	/** A practice seat's role (decision 030); left out for an interviewer's seat. */
	seatRole: z.enum(practiceRoles, { error: expected(practiceRoles.join(' or ')) }).optional(),
	scheduledAt: time,
	status: z.enum(['not_started', 'draft', 'submitted'], {
		error: expected('not_started, draft or submitted')
	}),
	version: wholeNumber(0, 1_000_000_000),
	startedAt: time.nullable(),
	submittedAt: time.nullable(),
	amendedAt: time.nullable(),
	createdAt: time,
	updatedAt: time,
	document: documentSchema,
	submissions: z.array(
		z.strictObject({
			id,
			submittedBy: id,
			submittedAt: time,
			reason: text.nullable(),
			document: documentSchema
		})
	)
});

export const debriefNoteKey = /^(competency-[1-9][0-9]{0,14}|strong-no|general)$/;

export const debriefSchema = z.strictObject({
	notes: z.record(
		z.string().regex(debriefNoteKey, { error: 'A note key is general, strong-no or competency-<id>' }),
		longText
	),
	attendeeIds: z.array(id),
	updatedBy: id.nullable(),
	updatedAt: time
});

export const decisionSchema = z.strictObject({
	id,
	outcome: z.enum(decisionOutcomes, { error: expected('hire, no_hire or hold') }),
	rationale: text,
	dissent: text,
	attendees: z.array(z.strictObject({ id, name })),
	changeReason: text.nullable(),
	decidedBy: id,
	decidedAt: time
});

/** A loop without the parts the import checks one by one (see loopSchema). */
export const loopFieldsSchema = z.strictObject({
	id,
	candidateId: id,
	openingId: id,
	templateId: id.nullable(),
	templateName: name,
	visibilityMode,
	evidenceRule,
	cancelledAt: time.nullable(),
	createdBy: id.nullable(),
	createdAt: time,
	updatedAt: time,
	rounds: z.array(z.unknown()),
	panel: z.array(z.unknown()),
	debrief: z.unknown().refine((v) => v !== undefined, { error: 'This field is required (null for none)' }),
	decisions: z.array(z.unknown())
});

export const loopSchema = loopFieldsSchema.extend({
	rounds: z.array(loopRoundSchema),
	panel: z.array(scorecardSchema),
	debrief: debriefSchema.nullable(),
	decisions: z.array(decisionSchema)
});

export type ExportLoop = z.infer<typeof loopSchema>;
export type ExportLoopRound = z.infer<typeof loopRoundSchema>;
export type ExportScorecard = z.infer<typeof scorecardSchema>;
export type ExportDocument = z.infer<typeof documentSchema>;
export type ExportDebrief = z.infer<typeof debriefSchema>;
export type ExportDecision = z.infer<typeof decisionSchema>;
