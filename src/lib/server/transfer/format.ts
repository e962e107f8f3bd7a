import { z } from 'zod';
import { roles } from '../../domain/roles';
import {
	email,
	evidenceRule,
	expected,
	id,
	kind,
	name,
	recorded,
	roundShape,
	text,
	time,
	visibilityMode,
	wholeNumber
} from './format-fields';
import { loopSchema } from './format-loops';
import { identityListsChecked } from './format-identities';
import { settingsListsChecked } from './format-settings';

// The whole-organisation export file, version 1 (docs/export-format.md describes it for
// people). Field names are camelCase, ids are strings of digits and times are ISO-8601 in
// UTC with milliseconds, as in the JSON API. Every key is always present; "none" is null.
// Nothing derived is in the file: the import recomputes it with the app's own functions.

export const exportFormat = 'panelist-export';
export const exportVersion = 1;

export const userSchema = z.strictObject({
	id,
	email,
	name,
	role: z.enum(roles, { error: expected('admin, recruiter or interviewer') }),
	deactivatedAt: time.nullable(),
	createdAt: time,
	updatedAt: time
});

const competencyRevisionSchema = z.strictObject({
	id,
	revision: wholeNumber(1, 1_000_000),
	name,
	description: text,
	anchors: z.tuple([text, text, text, text], { error: expected('Four anchors, for ratings 1 to 4') }),
	createdBy: id.nullable(),
	createdAt: time
});

export const competencySchema = z.strictObject({
	id,
	name,
	kind,
	currentRevisionId: id,
	archivedAt: time.nullable(),
	createdAt: time,
	updatedAt: time,
	revisions: z.array(competencyRevisionSchema).min(1, { error: 'A competency has at least one revision' })
});

const questionText = { prompt: text, probes: text, goodLooksLike: text, redFlags: text };

const questionRevisionSchema = z.strictObject({
	id,
	revision: wholeNumber(1, 1_000_000),
	...questionText,
	createdAt: time
});

export const questionSchema = z.strictObject({
	id,
	...questionText,
	currentRevisionId: id,
	competencyIds: z.array(id),
	archivedAt: time.nullable(),
	createdAt: time,
	updatedAt: time,
	revisions: z.array(questionRevisionSchema).min(1, { error: 'A question has at least one revision' })
});

export const templateSchema = z.strictObject({
	id,
	name,
	description: text,
	visibilityMode,
	evidenceRule,
	archivedAt: time.nullable(),
	createdAt: time,
	updatedAt: time,
	rounds: z.array(z.strictObject({ ...roundShape, competencyIds: z.array(id), questionIds: z.array(id) }))
});

export const openingSchema = z.strictObject({
	id,
	title: name,
	team: name,
	level: name,
	// Files written before openings had a description import with an empty one.
	description: text.default(''),
	templateId: id,
	status: z.enum(['open', 'closed'], { error: expected('open or closed') }),
	hiringManagerIds: z.array(id),
	createdAt: time,
	updatedAt: time
});

export const candidateSchema = z.strictObject({
	id,
	name,
	email,
	notes: text,
	createdAt: time,
	updatedAt: time,
	// Privacy state (decision 024), left out unless set, so a file of an organisation that
	// never anonymised or held anyone stays as version 1 always was.
	anonymisedAt: time.optional(),
	legalHold: z
		.strictObject({
			reason: text.min(1, { error: 'Say why the candidate’s data must be kept' }),
			placedAt: time,
			placedBy: id.nullable()
		})
		.optional(),
	openings: z.array(z.strictObject({ openingId: id, addedAt: time }))
});

export const auditEventSchema = z.strictObject({
	id,
	actorUserId: id.nullable(),
	action: name,
	entityType: name,
	entityId: name,
	before: recorded,
	after: recorded,
	at: time
});

/**
 * A candidate's résumé, the PDF in base64. Written only when there are résumés, so a file
 * of an organisation without any stays as version 1 always was.
 */
export const resumeSchema = z.strictObject({
	candidateId: id,
	fileName: name,
	sizeBytes: wholeNumber(1, 2 ** 31),
	sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'A SHA-256 is 64 lower-case hex digits' }),
	uploadedBy: id.nullable(),
	uploadedAt: time,
	content: z
		.string()
		.max(2 ** 31, { error: 'A résumé in the file is at most 2 GB' })
		.regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The content is the PDF in base64' })
});

/** The lists after the audit trail, each left out when it would be empty. */
const optionalLists = { ...settingsListsChecked, ...identityListsChecked };

/** The same lists as the envelope reads them, each record left to be checked on its own. */
const optionalListsAsRead = Object.fromEntries(
	Object.keys(optionalLists).map((key) => [key, z.array(z.unknown()).optional()])
) as { [key in keyof typeof optionalLists]: z.ZodOptional<z.ZodArray<z.ZodUnknown>> };

/** The top level, with each collection's records left to be checked one by one. */
export const envelopeSchema = z.strictObject({
	format: z.literal(exportFormat),
	version: z.literal(exportVersion),
	exportedAt: time,
	users: z.array(z.unknown()),
	competencies: z.array(z.unknown()),
	questions: z.array(z.unknown()),
	templates: z.array(z.unknown()),
	openings: z.array(z.unknown()),
	candidates: z.array(z.unknown()),
	loops: z.array(z.unknown()),
	auditEvents: z.array(z.unknown()),
	resumes: z.array(z.unknown()).optional(),
	...optionalListsAsRead
});

export const exportFileSchema = envelopeSchema.extend({
	users: z.array(userSchema),
	competencies: z.array(competencySchema),
	questions: z.array(questionSchema),
	templates: z.array(templateSchema),
	openings: z.array(openingSchema),
	candidates: z.array(candidateSchema),
	loops: z.array(loopSchema),
	auditEvents: z.array(auditEventSchema),
	resumes: z.array(resumeSchema).optional(),
	...optionalLists
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportUser = z.infer<typeof userSchema>;
export type ExportCompetency = z.infer<typeof competencySchema>;
export type ExportQuestion = z.infer<typeof questionSchema>;
export type ExportTemplate = z.infer<typeof templateSchema>;
/** As written: the description is left out when empty (the schema reads it back as ''). */
export type ExportOpening = z.input<typeof openingSchema>;
export type ExportCandidate = z.infer<typeof candidateSchema>;
export type ExportAuditEvent = z.infer<typeof auditEventSchema>;
export type ExportResume = z.infer<typeof resumeSchema>;
