import { z } from 'zod';
import { parseCalibrationFilter } from '../../../../domain/calibration-filter';
import { competencyKinds } from '../../../../domain/library';
import { getCalibration } from '../../../calibration/calibration';
import { endpoint } from '../endpoint';
import { HttpError } from '../http';
import { idOut, scaleCounts, sid } from './conventions';

// Calibration over complete loops: what the calibration page shows, for scripts. Dates are
// whole UTC days; the default is the last twelve months.

const calibration = z
	.object({
		from: z.iso.date(),
		to: z.iso.date(),
		scope: z.enum(['all', 'openings', 'own']).meta({
			description: 'Whose figures you see: everyone (hiring staff), your openings’ interviewers, or yours'
		}),
		interviewers: z.array(
			z.object({
				userId: idOut,
				name: z.string(),
				scorecards: z.int(),
				ratings: scaleCounts,
				meanRating: z.number().nullable(),
				leniency: z.number().nullable().meta({
					description: 'Mean of (rating − the other panelists’ mean for the same competency and loop)'
				}),
				leniencyN: z.int(),
				leniencyCi: z.tuple([z.number(), z.number()]).nullable().meta({ description: '95% interval' }),
				shrunkOffset: z.number().meta({ description: 'leniency × n / (n + 10), used for adjusted scores' }),
				recommendations: scaleCounts,
				decisionMatch: z.object({ matched: z.int(), decided: z.int() }),
				lateShare: z.number().nullable(),
				notAssessedShare: z.number().nullable(),
				medianHoursToSubmit: z.number().nullable()
			})
		),
		competencies: z.array(
			z.object({
				competencyId: idOut,
				name: z.string(),
				kind: z.enum(competencyKinds),
				alphaInterval: z.number().nullable().meta({ description: 'Krippendorff’s alpha, interval metric' }),
				alphaOrdinal: z.number().nullable(),
				units: z.int(),
				pairable: z.int(),
				ratings: scaleCounts,
				mean: z.number().nullable(),
				notAssessedShare: z.number().nullable(),
				lowAgreement: z.boolean().meta({ description: 'alpha (interval) below 0.667' })
			})
		)
	})
	.meta({ id: 'Calibration' });

export const calibrationEndpoint = endpoint({
	method: 'GET',
	path: '/calibration',
	operationId: 'getCalibration',
	summary: 'Interviewer leniency and agreement per competency',
	description:
		'Over loops whose whole panel has submitted. Hiring staff see everyone; a hiring manager the interviewers on their openings’ loops; anyone else their own figures (no competencies).',
	tag: 'Calibration',
	query: z.object({
		from: z.iso
			.date({ error: 'Give the first day as YYYY-MM-DD, like 2026-01-31' })
			.optional()
			.meta({ description: 'First day (UTC); the default is a year before `to`' }),
		to: z.iso
			.date({ error: 'Give the last day as YYYY-MM-DD, like 2026-12-31' })
			.optional()
			.meta({ description: 'Last day (UTC), included; the default is today' }),
		openingId: z
			.string()
			.regex(/^[1-9][0-9]{0,15}$/, 'Give the opening id as a string of digits')
			.optional()
			.meta({ description: 'Only this opening’s loops' }),
		kind: z.enum(competencyKinds, { error: 'Use technical or leadership' }).optional()
	}),
	response: { status: 200, description: 'The figures', schema: calibration },
	errors: [403, 422],
	handle: async ({ db, actor, event }) => {
		const parsed = parseCalibrationFilter(event.url.searchParams, 'UTC');
		if (!parsed.ok) {
			throw new HttpError(422, 'The query is not valid', {
				issues: Object.entries(parsed.errors).map(([field, message]) => ({
					path: `query.${field === 'opening' ? 'openingId' : field}`,
					message
				}))
			});
		}
		const c = await getCalibration(db, actor, parsed.filter);
		return {
			body: {
				from: parsed.values.from,
				to: parsed.values.to,
				scope: c.scope,
				interviewers: c.interviewers.map((i) => ({
					userId: sid(i.userId),
					name: i.name,
					scorecards: i.scorecards,
					ratings: i.ratings,
					meanRating: i.meanRating,
					leniency: i.leniency.leniency,
					leniencyN: i.leniency.n,
					leniencyCi: i.leniency.ci,
					shrunkOffset: i.leniency.shrunkOffset,
					recommendations: i.recommendations,
					decisionMatch: i.decisionMatch,
					lateShare: i.lateShare,
					notAssessedShare: i.notAssessedShare,
					medianHoursToSubmit: i.medianHoursToSubmit
				})),
				competencies: c.competencies.map((k) => ({
					competencyId: sid(k.competencyId),
					name: k.name,
					kind: k.kind,
					alphaInterval: k.alphaInterval,
					alphaOrdinal: k.alphaOrdinal,
					units: k.units,
					pairable: k.pairable,
					ratings: k.ratings,
					mean: k.mean,
					notAssessedShare: k.notAssessedShare,
					lowAgreement: k.lowAgreement
				}))
			}
		};
	}
});
