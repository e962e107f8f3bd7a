import { z } from 'zod';
import { roundFormats, type RoundFormat } from './library';
import { addMonths } from './retention';

// Qualifications (decision 030): per interviewer and round format, a trainee or qualified
// level that admins and recruiters set. A qualified person who has not interviewed in the
// format for the lapse period is shown as lapsed: derived at read time, never stored.

export const qualificationLevels = ['trainee', 'qualified'] as const;
export type QualificationLevel = (typeof qualificationLevels)[number];

export type QualificationStatus = QualificationLevel | 'lapsed';

export const qualificationStatusLabels: Record<QualificationStatus, string> = {
	trainee: 'Trainee',
	qualified: 'Qualified',
	lapsed: 'Lapsed'
};

export const defaultLapseMonths = 6;
export const minLapseMonths = 1;
export const maxLapseMonths = 36;

/** The level form's choices: `none` takes the qualification away. */
export const levelChoices = [
	{ value: 'none', label: 'Not qualified' },
	{ value: 'trainee', label: 'Trainee' },
	{ value: 'qualified', label: 'Qualified' }
] as const;

export const setQualificationSchema = z.object({
	userId: z.coerce.number({ error: 'Choose an interviewer' }).int().positive('Choose an interviewer'),
	format: z.enum(roundFormats, { error: 'Choose a round format' }),
	level: z.enum(['none', ...qualificationLevels], { error: 'Choose a level' })
});
export type SetQualificationInput = z.output<typeof setQualificationSchema>;

export const lapseSettingSchema = z.object({
	months: z.coerce
		.number({ error: 'Give the number of months' })
		.int('Give a whole number of months')
		.min(minLapseMonths, `Give at least ${minLapseMonths} month`)
		.max(maxLapseMonths, `Give at most ${maxLapseMonths} months`)
});

export interface StoredQualification {
	format: RoundFormat;
	level: QualificationLevel;
	since: number;
	/** The latest submitted interview the person did in the format; null when none. */
	lastInterviewAt: number | null;
}

/**
 * Trainee stays trainee; qualified lapses once neither the qualification nor the last
 * interview in the format falls within the last `lapseMonths` (counting from the day the
 * level was given, so a newly qualified person is not lapsed before their first interview).
 */
export function deriveQualificationStatus(
	q: Pick<StoredQualification, 'level' | 'since' | 'lastInterviewAt'>,
	lapseMonths: number,
	now: number
): QualificationStatus {
	if (q.level === 'trainee') return 'trainee';
	const latest = Math.max(q.since, q.lastInterviewAt ?? 0);
	return latest < addMonths(now, -lapseMonths) ? 'lapsed' : 'qualified';
}
