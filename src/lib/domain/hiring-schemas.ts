import { z } from 'zod';
import { seatRoles, type SeatRole } from './seat-roles';
import { emailSchema, personNameSchema } from './account-schemas';
import { idList, idSchema, text } from './library-schemas';
import { parseLocalDateTime } from './local-time';

export const openingStatuses = ['open', 'closed'] as const;
export type OpeningStatus = (typeof openingStatuses)[number];

export const openingSchema = z.object({
	title: text('A title', 100),
	team: text('A team', 100),
	level: text('A level', 60),
	/** What the role is, for the panel to read in the kit; kept as it was when not sent. */
	description: text('A description', 5000, { required: false }).optional(),
	templateId: z.coerce.number({ error: 'Choose a loop template' }).int().positive('Choose a loop template'),
	hiringManagerIds: idList('Choose at least one hiring manager'),
	status: z.enum(openingStatuses, { error: 'Choose open or closed' })
});
export type OpeningInput = z.output<typeof openingSchema>;

export const candidateSchema = z.object({
	name: personNameSchema,
	email: emailSchema,
	notes: text('Notes', 5000, { required: false }),
	openingIds: idList()
});
export type CandidateInput = z.output<typeof candidateSchema>;

/** One row of a candidate CSV: the person, validated exactly as the candidate form does. */
export const candidateRowSchema = candidateSchema.pick({ name: true, email: true, notes: true });
export type CandidateRow = z.output<typeof candidateRowSchema>;

/** One entry of a panel: interviewers for a round (0-based index into the loop's rounds) at a time. */
export const panelEntrySchema = z.object({
	round: z.coerce.number().int().min(0, 'Choose a round'),
	interviewerIds: idList('Choose at least one interviewer'),
	scheduledAt: z.number({ error: 'Enter a date and time, like 2026-11-24 10:00' }).int(),
	role: z.enum(seatRoles, { error: 'Choose interviewer, shadow or reverse shadow' }).default('interviewer')
});
/** The role may be left out where every seat is an interviewer's (forms, seeds). */
export type PanelEntry = Omit<z.output<typeof panelEntrySchema>, 'role'> & { role?: SeatRole };

export const createLoopSchema = z.object({
	candidateId: idSchema,
	openingId: idSchema,
	panel: z.array(panelEntrySchema)
});
export type CreateLoopInput = Omit<z.output<typeof createLoopSchema>, 'panel'> & { panel: PanelEntry[] };

/** A datetime-local form value read as wall-clock time in the viewer's zone, to epoch ms. */
export function localDateTime(timeZone: string) {
	return z
		.string()
		.trim()
		.min(1, 'Enter the date and time of this interview')
		.transform((value, ctx) => {
			const at = parseLocalDateTime(value, timeZone);
			if (at === null) {
				ctx.addIssue({ code: 'custom', message: 'Enter a real date and time, like 2026-11-24 10:00' });
				return z.NEVER;
			}
			return at;
		});
}
