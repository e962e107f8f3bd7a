import { z } from 'zod';
import { decisionOutcomes } from '../../../../domain/decision';
import { competencyKinds, roundFormats, visibilityModes } from '../../../../domain/library';
import { loopStatuses } from '../../../../domain/loop-status';
import { seatRoles } from '../../../../domain/seat-roles';
import { panelWarningKinds, type PanelWarning } from '../../../../domain/panel-warnings';
import { canKnowLoop } from '../../../access/permissions';
import type { DB } from '../../../platform/db';
import type { AuthUser } from '../../../auth/session';
import { NotFoundError } from '../../../platform/errors';
import { createLoop } from '../../../hiring/loops';
import { getLoop, type LoopDetail } from '../../../hiring/loop-detail';
import { removeFromPanel } from '../../../hiring/panel';
import { getPanelWarnings, readViewerTimeZone } from '../../../hiring/panel-picker';
import { endpoint } from '../endpoint';
import { idIn, idOut, idParams, idsIn, iso, isoOrNull, sid, timeIn, timeOut } from './conventions';

// Loops: created from an opening's template with a panel, and read by those who run them.

const scorecardStatuses = ['not_started', 'draft', 'submitted'] as const;

const loop = z
	.object({
		id: idOut,
		candidateId: idOut,
		candidateName: z.string(),
		openingId: idOut,
		openingTitle: z.string(),
		templateName: z.string(),
		visibilityMode: z.enum(visibilityModes),
		status: z.enum(loopStatuses).meta({
			description: '`decided` says a decision exists; what it is stays with the feedback (`outcome`)'
		}),
		outcome: z.enum(decisionOutcomes).nullable().meta({
			description: 'The current decision: null while undecided, and while `feedbackVisible` is false'
		}),
		feedbackVisible: z.boolean().meta({
			description:
				'False where you sit on this loop’s panel and the independence rule still hides its feedback from you (the decision included)'
		}),
		createdAt: timeOut,
		cancelledAt: timeOut.nullable(),
		rounds: z.array(
			z.object({
				round: z.int().meta({ description: '0-based position, as in the panel of POST /loops' }),
				id: idOut,
				title: z.string(),
				kind: z.enum(competencyKinds),
				format: z.enum(roundFormats),
				durationMinutes: z.int(),
				competencies: z.array(z.object({ id: idOut, name: z.string(), revision: z.int() })),
				questions: z.array(z.object({ id: idOut, prompt: z.string() })),
				panel: z.array(
					z.object({
						scorecardId: idOut,
						interviewerId: idOut,
						interviewerName: z.string(),
						role: z.enum(seatRoles).meta({
							description:
								'interviewer, or a trainee’s practice seat (shadow, reverse_shadow) whose scorecard never counts'
						}),
						scheduledAt: timeOut,
						status: z.enum(scorecardStatuses),
						submittedAt: timeOut.nullable(),
						late: z.boolean(),
						overdue: z.boolean()
					})
				)
			})
		),
		warnings: z
			.array(
				z.object({
					kind: z.enum(panelWarningKinds),
					roundId: idOut,
					userId: idOut,
					message: z.string()
				})
			)
			.meta({
				description:
					'What the panel does against the training rules; they warn and never refuse: an interviewer seat held by someone not qualified for the round’s format (unqualified_interviewer), a practice seat without a qualified interviewer on the round (trainee_alone), someone over their weekly interview limit in the week of the seat (over_weekly_limit; weeks in your notice time zone)'
			})
	})
	.meta({ id: 'Loop' });

const loopJson = (l: LoopDetail, warnings: PanelWarning[]): z.input<typeof loop> => ({
	id: sid(l.id),
	candidateId: sid(l.candidateId),
	candidateName: l.candidateName,
	openingId: sid(l.openingId),
	openingTitle: l.openingTitle,
	templateName: l.templateName,
	visibilityMode: l.visibilityMode,
	status: l.status,
	outcome: l.outcome,
	feedbackVisible: l.feedback.visible,
	createdAt: iso(l.createdAt),
	cancelledAt: isoOrNull(l.cancelledAt),
	rounds: l.rounds.map((r) => ({
		round: r.position,
		id: sid(r.id),
		title: r.title,
		kind: r.kind,
		format: r.format,
		durationMinutes: r.durationMinutes,
		competencies: r.competencies.map((c) => ({ id: sid(c.id), name: c.name, revision: c.revision })),
		questions: r.questions.map((q) => ({ id: sid(q.id), prompt: q.prompt })),
		panel: r.panel.map((p) => ({
			scorecardId: sid(p.scorecardId),
			interviewerId: sid(p.interviewerId),
			interviewerName: p.interviewerName,
			role: p.role,
			scheduledAt: iso(p.scheduledAt),
			status: p.status,
			submittedAt: isoOrNull(p.submittedAt),
			late: p.late,
			overdue: p.overdue
		}))
	})),
	warnings: warnings.map((w) => ({ ...w, roundId: sid(w.roundId), userId: sid(w.userId) }))
});

/** The loop as it stands, with its panel's warnings counted in the actor's weeks. */
async function answerLoop(db: DB, actor: AuthUser, loopId: number, fallbackZone: string) {
	const timeZone = await readViewerTimeZone(db, actor, fallbackZone);
	const [detail, warnings] = await Promise.all([
		getLoop(db, actor, loopId),
		getPanelWarnings(db, actor, loopId, timeZone)
	]);
	return loopJson(detail, warnings);
}

/** 404 for a loop the actor may not know of, before anything else is said about it. */
export async function assertKnownLoop(db: DB, actor: AuthUser, loopId: number): Promise<void> {
	if (!(await canKnowLoop(db, actor, loopId))) throw new NotFoundError('No such loop');
}

export const createLoopEndpoint = endpoint({
	method: 'POST',
	path: '/loops',
	operationId: 'createLoop',
	summary: 'Create a loop with its panel',
	description:
		'The opening’s template rounds are copied into the loop. Each panel entry puts interviewers on a round (0-based index of the template’s rounds) at a time; rounds left out stay unstaffed. The answer lists each round’s panel with the scorecard id of every interviewer, and the panel’s `warnings` (they never refuse the loop).',
	tag: 'Loops',
	body: z.object({
		candidateId: idIn,
		openingId: idIn,
		panel: z
			.array(
				z.object({
					round: z.int('Give the round as a whole number').min(0, 'Rounds count from 0'),
					interviewerIds: idsIn('Choose at least one interviewer'),
					scheduledAt: timeIn,
					role: z
						.enum(seatRoles, { error: 'Give interviewer, shadow or reverse_shadow' })
						.default('interviewer')
						.meta({
							description:
								'interviewer (the default); shadow or reverse_shadow seat trainees whose practice scorecards never count in results, comparison, calibration or exports'
						})
				})
			)
			.max(50, 'At most 50 panel entries')
	}),
	response: { status: 201, description: 'The new loop', schema: loop },
	errors: [403, 404, 413, 422],
	handle: async ({ db, actor, body, event }) => {
		const { loopId } = await createLoop(db, actor, body);
		return { body: await answerLoop(db, actor, loopId, event.locals.timeZone) };
	}
});

export const getLoopEndpoint = endpoint({
	method: 'GET',
	path: '/loops/{id}',
	operationId: 'getLoop',
	summary: 'A loop with its rounds and panel',
	description: 'For hiring staff and the opening’s hiring managers.',
	tag: 'Loops',
	params: idParams,
	response: { status: 200, description: 'The loop', schema: loop },
	errors: [403, 404],
	handle: async ({ db, actor, params, event }) => {
		await assertKnownLoop(db, actor, params.id);
		return { body: await answerLoop(db, actor, params.id, event.locals.timeZone) };
	}
});

export const removePanelistEndpoint = endpoint({
	method: 'DELETE',
	path: '/loops/{id}/panel/{scorecardId}',
	operationId: 'removePanelist',
	summary: 'Take an interviewer off the panel',
	description:
		'Only before they have started their scorecard (409 after). Nobody removes their own seat (403): someone else who runs the opening can. The audit trail names who removed whom. Answers the loop as it now stands.',
	tag: 'Loops',
	params: z.object({ id: idIn, scorecardId: idIn }),
	response: { status: 200, description: 'The loop without that seat', schema: loop },
	errors: [403, 404, 409],
	handle: async ({ db, actor, params, event }) => {
		await assertKnownLoop(db, actor, params.id);
		await removeFromPanel(db, actor, params.id, params.scorecardId);
		return { body: await answerLoop(db, actor, params.id, event.locals.timeZone) };
	}
});
