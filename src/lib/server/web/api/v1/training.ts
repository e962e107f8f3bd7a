import { z } from 'zod';
import { roundFormats } from '../../../../domain/library';
import { isPracticeStep, type TrainingProgress } from '../../../../domain/training-paths';
import { getUserTraining } from '../../../hiring/training-paths';
import { endpoint } from '../endpoint';
import { idOut, idParams, iso, sid, timeOut } from './conventions';

// A person's training paths (decision 030): their own, or anyone's for admins and recruiters.

const agreement = z
	.object({
		compared: z.int().meta({ description: 'Competencies both rated' }),
		exactMatches: z.int(),
		exactShare: z.number(),
		meanAbsoluteDifference: z.number()
	})
	.nullable()
	.meta({
		description:
			'Reverse shadows: the trainee against the qualified co-interviewer on the same round. Null for a shadow, until the loop is decided, or without a qualified co-interviewer'
	});

const path = z
	.object({
		format: z.enum(roundFormats),
		summary: z
			.string()
			.meta({ description: 'e.g. "Shadow 1 of 2, Reverse shadow 0 of 2, sign-off pending"' }),
		readyForSignOff: z.boolean(),
		steps: z.array(
			z.discriminatedUnion('kind', [
				z.object({
					kind: z.enum(['shadow', 'reverse_shadow']),
					required: z.int(),
					done: z.array(
						z.object({
							loopId: idOut,
							scorecardId: idOut,
							candidateName: z.string(),
							roundTitle: z.string(),
							scheduledAt: timeOut,
							agreement,
							agreementHidden: z.boolean().meta({
								description:
									'True where the loop is decided but the independence rule still hides its feedback from you (you sit on its panel with your own scorecard to come, or it is in strict mode and the panel is not all in): `agreement` is then null'
							})
						})
					)
				}),
				z.object({ kind: z.literal('exercise'), done: z.boolean() }).meta({
					description:
						'Only on a path that asks for it: whether the person has passed a calibration exercise of the format'
				}),
				z.object({ kind: z.literal('sign_off'), done: z.boolean() })
			])
		)
	})
	.meta({ id: 'TrainingPath' });

const pathJson = (p: TrainingProgress): z.input<typeof path> => ({
	format: p.format,
	summary: p.summary,
	readyForSignOff: p.ready,
	steps: p.steps.map((s) =>
		!isPracticeStep(s)
			? s
			: {
					kind: s.kind,
					required: s.required,
					done: s.done.map((i) => ({
						...i,
						agreementHidden: i.agreementHidden !== null,
						loopId: sid(i.loopId),
						scorecardId: sid(i.scorecardId),
						scheduledAt: iso(i.scheduledAt)
					}))
				}
	)
});

export const userTrainingEndpoint = endpoint({
	method: 'GET',
	path: '/users/{id}/training',
	operationId: 'getUserTraining',
	summary: 'A trainee’s training paths',
	description:
		'One path per round format the person is a trainee in: the shadow and reverse-shadow interviews that count (submitted practice cards on loops not cancelled), whether a calibration exercise of the format is passed when the path asks for one, and whether sign-off is pending. Anyone may read their own; admins and recruiters anyone’s.',
	tag: 'Users',
	params: idParams,
	hiddenAs: 'No such user',
	response: {
		status: 200,
		description: 'The paths, by format',
		schema: z.object({ userId: idOut, paths: z.array(path) })
	},
	errors: [404],
	handle: async ({ db, actor, params }) => ({
		body: { userId: sid(params.id), paths: (await getUserTraining(db, actor, params.id)).map(pathJson) }
	})
});
