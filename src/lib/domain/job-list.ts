import { z } from 'zod';

// The admin's jobs page: the queue by state, a page at a time.

export const jobStateLabels = {
	queued: 'Queued',
	running: 'Running',
	done: 'Done',
	dead: 'Dead'
} as const;

export type JobStateName = keyof typeof jobStateLabels;

export const jobPageSize = 50;

export const jobFilterSchema = z.object({
	state: z
		.enum(Object.keys(jobStateLabels) as [JobStateName, ...JobStateName[]], {
			error: 'Choose one of the listed states'
		})
		.optional(),
	page: z.coerce
		.number({ error: 'A page is a number' })
		.int('A page is a whole number')
		.min(1, 'Pages start at 1')
		.default(1)
});

export type JobFilter = z.output<typeof jobFilterSchema>;

export const retryJobSchema = z.object({
	jobId: z.coerce.number({ error: 'Choose a job' }).int('Choose a job').positive('Choose a job')
});
