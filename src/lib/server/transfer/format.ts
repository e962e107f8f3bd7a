import { z } from 'zod';
import { decisionOutcomes } from '../../domain/decision';
import { competencyKinds, evidenceRules, roundFormats, visibilityModes } from '../../domain/library';
import { roles } from '../../domain/roles';
import { noteFieldKeys } from '../../domain/scorecard';

// The whole-organisation export file, version 1 (docs/export-format.md describes it for
// people). Field names are camelCase, ids are strings of digits and times are ISO-8601 in
// UTC with milliseconds, as in the JSON API. Every key is always present; "none" is null.
// Nothing derived is in the file: the import recomputes it with the app's own functions.

export const exportFormat = 'panelist-export';
export const exportVersion = 1;
/** Files are refused above this size, before they are read (a parsed file takes several times more memory). */
export const maxFileBytes = 200 * 1024 * 1024;

/**
 * Caps on every string. Each is at least what the app itself lets people type, so an
 * export always imports, while a hostile file cannot make the database hold megabytes in
 * one field.
 */
export const caps = {
	name: 200,
	email: 254,
	text: 20_000,
	/** Scorecard and debrief text (a long free-notes field, evidence, notes per question). */
	longText: 100_000,
	/** Audit events keep what was recorded as JSON: each string in it, its nesting, its size. */
	auditString: 100_000,
	auditDepth: 32,
	auditChars: 2_000_000
};

/** A type error's message, except for a missing field, which says so. */
const expected = (message: string) => (issue: { input?: unknown }) =>
	issue.input === undefined ? 'This field is required' : message;

const idPattern = /^[1-9][0-9]{0,14}$/;
export const isId = (value: unknown): value is string => typeof value === 'string' && idPattern.test(value);

const idMessage = 'An id is a string of digits, like "17"';
const id = z.string({ error: expected(idMessage) }).regex(idPattern, { error: idMessage });

const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const timeMessage = 'A time is ISO-8601 in UTC with milliseconds, like 2026-11-21T09:30:00.000Z';
/** A real instant written exactly as `Date.toISOString()` writes it (so 31 February is refused). */
const time = z
	.string({ error: expected(timeMessage) })
	.max(30, { error: timeMessage, abort: true })
	.refine((s) => isoPattern.test(s) && new Date(Date.parse(s)).toISOString() === s, { error: timeMessage });

function capped(max: number, { min = 0 } = {}) {
	const s = z.string().max(max, { error: `Use at most ${max} characters`, abort: true });
	return min ? s.min(min, { error: 'This must not be empty' }) : s;
}
const name = capped(caps.name, { min: 1 });
const text = capped(caps.text);
const longText = capped(caps.longText);

/** Stored in lower case, as the app stores it: sign-in looks emails up that way. */
const email = z
	.email({ error: expected('Not a valid email address') })
	.max(caps.email, { error: `Use at most ${caps.email} characters` })
	.refine((s) => s === s.toLowerCase(), { error: 'Write emails in lower case' });

const wholeNumber = (min: number, max: number) =>
	z
		.number({ error: expected(`A whole number from ${min} to ${max}`) })
		.int({ error: `A whole number from ${min} to ${max}` })
		.min(min, { error: `A whole number from ${min} to ${max}` })
		.max(max, { error: `A whole number from ${min} to ${max}` });

const kind = z.enum(competencyKinds, { error: expected('technical or leadership') });
const format = z.enum(roundFormats, { error: expected(`One of ${roundFormats.join(', ')}`) });
const visibilityMode = z.enum(visibilityModes, { error: expected('after_own or after_all') });
const evidenceRule = z.enum(evidenceRules, { error: expected('required or recommended') });
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
	error: expected('1, 2, 3 or 4')
});

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

const roundShape = { id, title: name, kind, format, durationMinutes: wholeNumber(1, 24 * 60) };

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
	openings: z.array(z.strictObject({ openingId: id, addedAt: time }))
});

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

/** What was recorded, as JSON, within caps; checked without recursion so nesting cannot overflow the stack. */
function jsonProblem(value: unknown): string | null {
	if (value === undefined) return 'This field is required (null for none)';
	const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
	let chars = 0;
	while (stack.length) {
		const { value: v, depth } = stack.pop()!;
		if (depth > caps.auditDepth) return `Nested more than ${caps.auditDepth} levels deep`;
		if (typeof v === 'string') {
			if (v.length > caps.auditString) return `A string in it is over ${caps.auditString} characters`;
			chars += v.length + 2;
		} else if (Array.isArray(v)) {
			chars += v.length + 2;
			for (const item of v) stack.push({ value: item, depth: depth + 1 });
		} else if (v !== null && typeof v === 'object') {
			for (const [key, item] of Object.entries(v)) {
				if (key.length > caps.auditString) return `A key in it is over ${caps.auditString} characters`;
				chars += key.length + 4;
				stack.push({ value: item, depth: depth + 1 });
			}
		} else {
			chars += 8;
		}
		if (chars > caps.auditChars) return `Over ${caps.auditChars} characters`;
	}
	return null;
}

const recorded = z.unknown().superRefine((value, ctx) => {
	const problem = jsonProblem(value);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
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
	auditEvents: z.array(z.unknown())
});

export const exportFileSchema = envelopeSchema.extend({
	users: z.array(userSchema),
	competencies: z.array(competencySchema),
	questions: z.array(questionSchema),
	templates: z.array(templateSchema),
	openings: z.array(openingSchema),
	candidates: z.array(candidateSchema),
	loops: z.array(loopSchema),
	auditEvents: z.array(auditEventSchema)
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportUser = z.infer<typeof userSchema>;
export type ExportCompetency = z.infer<typeof competencySchema>;
export type ExportQuestion = z.infer<typeof questionSchema>;
export type ExportTemplate = z.infer<typeof templateSchema>;
export type ExportOpening = z.infer<typeof openingSchema>;
export type ExportCandidate = z.infer<typeof candidateSchema>;
export type ExportLoop = z.infer<typeof loopSchema>;
export type ExportLoopRound = z.infer<typeof loopRoundSchema>;
export type ExportScorecard = z.infer<typeof scorecardSchema>;
export type ExportDocument = z.infer<typeof documentSchema>;
export type ExportDebrief = z.infer<typeof debriefSchema>;
export type ExportDecision = z.infer<typeof decisionSchema>;
export type ExportAuditEvent = z.infer<typeof auditEventSchema>;

/** One thing wrong with a file: where (a JSON path like `loops[3].panel[0].interviewerId`) and what. */
export interface Problem {
	path: string;
	message: string;
}

export type PathPart = string | number | symbol;

/** Keys come from the file, so a hostile one could be megabytes long; a report shows its start. */
export const shortened = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function formatPath(path: readonly PathPart[]): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part) && part.length <= 80)
			out += out ? `.${part}` : part;
		else out += `[${JSON.stringify(shortened(String(part)))}]`;
	}
	return out;
}
