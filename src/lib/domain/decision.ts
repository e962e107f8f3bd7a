import { z } from 'zod';
import { idList, text } from './library-schemas';

export const decisionOutcomes = ['hire', 'no_hire', 'hold'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export const outcomeLabels: Record<DecisionOutcome, string> = {
	hire: 'Hire',
	no_hire: 'No hire',
	hold: 'Hold'
};

export const decisionSchema = z.object({
	outcome: z.enum(decisionOutcomes, { error: 'Choose hire, no hire or hold' }),
	rationale: text('The rationale', 5000),
	dissent: text('Dissent', 5000, { required: false }),
	attendeeIds: idList('Say who took part in the debrief'),
	changeReason: text('The reason for the change', 1000, { required: false })
});
export type DecisionInput = z.output<typeof decisionSchema>;

export const debriefNotesLimit = 10_000;

/** Why no decision can be recorded yet: nobody on the panel has submitted. */
export const noFeedbackYet =
	'No scorecard for this loop is in yet: a decision rests on at least one panelist’s judgement.';
