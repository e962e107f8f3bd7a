import { z } from 'zod';
import { decisionOutcomes, decisionSchema } from '../../../../domain/decision';
import { recordDecision } from '../../../evaluation/debriefs';
import { loadLoopResults } from '../../../evaluation/results';
import { endpoint } from '../endpoint';
import { idOut, idParams, idsIn, iso, sid, timeOut } from './conventions';
import { assertKnownLoop } from './loops';

// The debrief's decision on a loop.

const decision = z
	.object({
		id: idOut,
		loopId: idOut,
		outcome: z.enum(decisionOutcomes),
		rationale: z.string(),
		dissent: z.string(),
		attendees: z.array(z.object({ id: idOut, name: z.string() })),
		changeReason: z.string().nullable(),
		decidedBy: z.string(),
		decidedAt: timeOut
	})
	.meta({ id: 'Decision' });

export const recordDecisionEndpoint = endpoint({
	method: 'POST',
	path: '/loops/{id}/decision',
	operationId: 'recordDecision',
	summary: 'Record the debrief’s decision',
	description:
		'A later decision replaces the current one and needs `changeReason`; every decision stays in the history.',
	tag: 'Loops',
	params: idParams,
	body: decisionSchema.extend({
		dissent: decisionSchema.shape.dissent.default(''),
		attendeeIds: idsIn('Say who took part in the debrief'),
		changeReason: decisionSchema.shape.changeReason.default('')
	}),
	response: { status: 201, description: 'The decision as recorded', schema: decision },
	errors: [403, 404, 409, 413, 422],
	handle: async ({ db, actor, params, body }) => {
		await assertKnownLoop(db, actor, params.id);
		const id = await recordDecision(db, actor, params.id, body);
		// Read back without the feedback check: deciding was allowed, so is seeing the decision.
		const { decisions } = await loadLoopResults(db, params.id);
		const d = decisions.find((x) => x.id === id)!;
		return {
			body: {
				id: sid(d.id),
				loopId: sid(params.id),
				outcome: d.outcome,
				rationale: d.rationale,
				dissent: d.dissent,
				attendees: d.attendees.map((a) => ({ id: sid(a.id), name: a.name })),
				changeReason: d.changeReason,
				decidedBy: d.decidedByName,
				decidedAt: iso(d.decidedAt)
			}
		};
	}
});
