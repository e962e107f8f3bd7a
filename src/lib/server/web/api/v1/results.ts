import { z } from 'zod';
import { decisionOutcomes } from '../../../../domain/decision';
import { competencyKinds } from '../../../../domain/library';
import { loopStatuses } from '../../../../domain/loop-status';
import { getLoopResults, type Decision } from '../../../evaluation/results';
import { endpoint } from '../endpoint';
import { countsOut, flagIn, idOut, idParams, iso, scaleCounts, sid, timeOut } from './conventions';

// A loop's aggregated results, for those the independence rule lets see them.

const results = z
	.object({
		loopId: idOut,
		candidateId: idOut,
		openingId: idOut,
		status: z.enum(loopStatuses),
		adjusted: z.boolean(),
		competencies: z.array(
			z.object({
				competencyId: idOut,
				name: z.string(),
				kind: z.enum(competencyKinds),
				n: z.int(),
				mean: z.number().nullable(),
				median: z.number().nullable(),
				min: z.number().nullable(),
				max: z.number().nullable(),
				spread: z.number().nullable(),
				sd: z.number().nullable().meta({ description: 'Population standard deviation' }),
				disagreement: z.boolean().meta({ description: 'spread ≥ 2' }),
				ratings: z.array(
					z.object({
						interviewerId: idOut,
						rating: z.number().nullable().meta({ description: 'Null when not assessed' })
					})
				)
			})
		),
		technicalMean: z.number().nullable(),
		leadershipMean: z.number().nullable(),
		recommendations: z.object({ counts: scaleCounts, mean: z.number().nullable(), anyStrongNo: z.boolean() }),
		missing: z.array(idOut).meta({ description: 'Interviewers whose scorecard is not submitted yet' }),
		decision: z
			.object({
				outcome: z.enum(decisionOutcomes),
				rationale: z.string(),
				decidedAt: timeOut
			})
			.nullable()
	})
	.meta({ id: 'LoopResults' });

export const loopResultsEndpoint = endpoint({
	method: 'GET',
	path: '/loops/{id}/results',
	operationId: 'getLoopResults',
	summary: 'The panel’s aggregated result',
	description:
		'Per competency: n, mean, median, min, max, spread, standard deviation, disagreement and every rating. Hidden (404) from a panelist until the independence rule lets them see the feedback. `adjusted=true` takes each interviewer’s leniency out of their ratings; it is for those who run the opening’s loops (403 for a panelist: leniency is a calibration figure).',
	tag: 'Loops',
	params: idParams,
	query: z.object({ adjusted: flagIn }),
	hiddenAs: 'No such loop',
	response: { status: 200, description: 'The result', schema: results },
	errors: [403, 404, 422],
	handle: async ({ db, actor, params, query }) => {
		const adjusted = query.adjusted ?? false;
		const r = await getLoopResults(db, actor, params.id, { adjusted });
		const latest: Decision | undefined = r.decisions.at(-1);
		return {
			body: {
				loopId: sid(r.loopId),
				candidateId: sid(r.candidateId),
				openingId: sid(r.openingId),
				status: r.status,
				adjusted,
				competencies: r.competencies.map((c) => ({
					competencyId: sid(c.competencyId),
					name: c.name,
					kind: c.kind,
					n: c.n,
					mean: c.mean,
					median: c.median,
					min: c.min,
					max: c.max,
					spread: c.spread,
					sd: c.sd,
					disagreement: c.disagreement,
					ratings: c.ratings.map((x) => ({ interviewerId: sid(x.interviewerId), rating: x.rating }))
				})),
				technicalMean: r.technicalMean,
				leadershipMean: r.leadershipMean,
				recommendations: {
					counts: countsOut(r.recommendations.counts),
					mean: r.recommendations.mean,
					anyStrongNo: r.recommendations.anyStrongNo
				},
				missing: [
					...new Set(r.scorecards.filter((s) => s.status !== 'submitted').map((s) => sid(s.interviewerId)))
				],
				decision: latest
					? { outcome: latest.outcome, rationale: latest.rationale, decidedAt: iso(latest.decidedAt) }
					: null
			}
		};
	}
});
