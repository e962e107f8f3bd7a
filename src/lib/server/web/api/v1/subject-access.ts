import { z } from 'zod';
import { noteFieldKeys, toWire } from '../../../../domain/scorecard';
import { getSubjectAccessRecord, type SubjectAccessRecord } from '../../../hiring/subject-access';
import type { SubjectLoop } from '../../../hiring/subject-access-loops';
import { resumeSettings } from '../../../platform/runtime';
import { endpoint } from '../endpoint';
import { hiringStaff, idOut, idParams, iso, isoOrNull, sid, timeOut } from './conventions';

// Subject access through the API: the record the page shows, in the API's spelling (ids as
// strings, times as ISO 8601).

const document = z.object({
	recommendation: z.int().min(1).max(4).nullable(),
	summary: z.string(),
	freeNotes: z.string(),
	ratings: z.array(
		z.object({
			competencyId: idOut,
			rating: z.int().min(1).max(4).nullable(),
			notAssessedReason: z.string().nullable(),
			evidence: z.string()
		})
	),
	notes: z.array(z.object({ questionId: idOut, field: z.enum(noteFieldKeys), text: z.string() }))
});

const withheld = z.object({ visible: z.literal(false), withheld: z.string() }).meta({
	description: 'The independence rule hides this loop’s feedback from you for now; the sentence says why'
});

const loop = z.object({
	id: idOut,
	openingTitle: z.string(),
	templateName: z.string(),
	createdAt: timeOut,
	cancelledAt: timeOut.nullable(),
	completedAt: timeOut.nullable(),
	rounds: z.array(
		z.object({ title: z.string(), kind: z.string(), format: z.string(), durationMinutes: z.int() })
	),
	panel: z.array(
		z.object({
			scorecardId: idOut,
			interviewerName: z.string(),
			roundTitle: z.string(),
			scheduledAt: timeOut,
			status: z.string(),
			submittedAt: timeOut.nullable()
		})
	),
	feedback: z.union([
		z.object({
			visible: z.literal(true),
			outcome: z.enum(['hire', 'no_hire', 'hold']).nullable(),
			scorecards: z.array(
				z.object({
					scorecardId: idOut,
					interviewerName: z.string(),
					roundTitle: z.string(),
					recommendation: z.int().nullable(),
					amendedAt: timeOut.nullable(),
					document,
					competencies: z.record(z.string(), z.string()).meta({ description: 'Competency names by id' }),
					questions: z.record(z.string(), z.string()).meta({ description: 'Question prompts by id' }),
					versions: z.array(
						z.object({
							submittedAt: timeOut,
							submittedByName: z.string(),
							reason: z.string().nullable(),
							document
						})
					)
				})
			),
			debrief: z.object({ notes: z.record(z.string(), z.string()), attendeeIds: z.array(idOut) }).nullable(),
			decisions: z.array(
				z.object({
					outcome: z.enum(['hire', 'no_hire', 'hold']),
					rationale: z.string(),
					dissent: z.string(),
					attendees: z.array(z.object({ id: idOut, name: z.string() })),
					changeReason: z.string().nullable(),
					decidedByName: z.string(),
					decidedAt: timeOut
				})
			)
		}),
		withheld
	])
});

const record = z
	.object({
		generatedAt: timeOut,
		candidate: z.object({
			id: idOut,
			name: z.string(),
			email: z.string(),
			notes: z.string(),
			createdAt: timeOut,
			updatedAt: timeOut,
			anonymisedAt: timeOut.nullable(),
			legalHold: z.object({ reason: z.string(), at: timeOut, byName: z.string().nullable() }).nullable()
		}),
		openings: z.array(z.object({ id: idOut, title: z.string(), addedAt: timeOut })),
		resume: z
			.object({
				fileName: z.string(),
				sizeBytes: z.int(),
				sha256: z.string(),
				uploadedAt: timeOut,
				uploadedByName: z.string().nullable(),
				pdfBase64: z.string().meta({ description: 'The PDF itself, base64' })
			})
			.nullable(),
		loops: z.array(loop),
		audit: z.array(
			z.object({
				at: timeOut,
				actorName: z.string().nullable(),
				action: z.string(),
				entityType: z.string(),
				entityId: idOut,
				before: z.unknown(),
				after: z.unknown(),
				withheld: z.string().nullable()
			})
		),
		selfIdentification: z
			.object({
				answers: z.array(z.object({ category: z.string(), answer: z.string(), answeredAt: timeOut })),
				withheld: z.string().nullable()
			})
			.meta({
				description:
					'Their voluntary answers for adverse impact monitoring: in an admin’s export only; for a recruiter, withheld with a sentence saying so'
			})
	})
	.meta({ id: 'SubjectAccessRecord' });

function loopJson(l: SubjectLoop): z.input<typeof loop> {
	const f = l.feedback;
	return {
		...l,
		id: sid(l.id),
		createdAt: iso(l.createdAt),
		cancelledAt: isoOrNull(l.cancelledAt),
		completedAt: isoOrNull(l.completedAt),
		panel: l.panel.map((p) => ({
			...p,
			scorecardId: sid(p.scorecardId),
			scheduledAt: iso(p.scheduledAt),
			submittedAt: isoOrNull(p.submittedAt)
		})),
		feedback: !f.visible
			? f
			: {
					...f,
					scorecards: f.scorecards.map((s) => ({
						...s,
						scorecardId: sid(s.scorecardId),
						amendedAt: isoOrNull(s.amendedAt),
						document: toWire(s.document),
						versions: s.versions.map((v) => ({
							...v,
							submittedAt: iso(v.submittedAt),
							document: toWire(v.document)
						}))
					})),
					debrief: f.debrief && { notes: f.debrief.notes, attendeeIds: f.debrief.attendeeIds.map(sid) },
					decisions: f.decisions.map((d) => ({
						...d,
						attendees: d.attendees.map((a) => ({ id: sid(a.id), name: a.name })),
						decidedAt: iso(d.decidedAt)
					}))
				}
	};
}

export function subjectAccessJson(r: SubjectAccessRecord): z.input<typeof record> {
	const c = r.candidate;
	return {
		generatedAt: iso(r.generatedAt),
		candidate: {
			...c,
			id: sid(c.id),
			createdAt: iso(c.createdAt),
			updatedAt: iso(c.updatedAt),
			anonymisedAt: isoOrNull(c.anonymisedAt),
			legalHold: c.legalHold && { ...c.legalHold, at: iso(c.legalHold.at) }
		},
		openings: r.openings.map((o) => ({ ...o, id: sid(o.id), addedAt: iso(o.addedAt) })),
		resume: r.resume && { ...r.resume, uploadedAt: iso(r.resume.uploadedAt) },
		loops: r.loops.map(loopJson),
		audit: r.audit.map((e) => ({ ...e, at: iso(e.at) })),
		selfIdentification: {
			answers: r.selfIdentification.answers.map((a) => ({ ...a, answeredAt: iso(a.answeredAt) })),
			withheld: r.selfIdentification.withheld
		}
	};
}

export const candidateExportEndpoint = endpoint({
	method: 'GET',
	path: '/candidates/{id}/export',
	operationId: 'exportCandidate',
	summary: 'Everything held about a candidate (subject access)',
	description:
		'For admins and recruiters; each request is recorded in the audit trail. The candidate, their openings, the résumé itself, every loop with its rounds, panel, scorecards (every version), debrief and decisions, and the audit entries about them. Where you sit on a loop’s panel and the independence rule still hides its feedback from you, that loop’s feedback is withheld, with a sentence saying why.',
	tag: 'Hiring',
	roles: hiringStaff,
	params: idParams,
	response: { status: 200, description: 'The subject access record', schema: record },
	errors: [403, 404],
	handle: async ({ db, actor, params }) => ({
		body: subjectAccessJson(
			await getSubjectAccessRecord(db, actor, params.id, 'json', resumeSettings().store)
		)
	})
});
