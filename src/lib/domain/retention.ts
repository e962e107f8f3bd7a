import { z } from 'zod';

// How long a candidate's data is kept (decision 024): a number of months after their last
// loop was decided or cancelled, never fewer than the legal minimum the issue names.

export const defaultRetentionMonths = 24;
export const minRetentionMonths = 12;
export const maxRetentionMonths = 120;
/** How far ahead the admin page lists what retention will anonymise. */
export const retentionPreviewDays = 30;

export const retentionSettingSchema = z.object({
	months: z.coerce
		.number({ error: 'Give the number of months' })
		.int('Give a whole number of months')
		.min(minRetentionMonths, `Keep candidates’ data at least ${minRetentionMonths} months`)
		.max(maxRetentionMonths, `Keep it at most ${maxRetentionMonths} months`)
});

/** The same day `months` later in UTC, or the month's last day when it has no such day. */
export function addMonths(epochMs: number, months: number): number {
	const d = new Date(epochMs);
	const target = new Date(epochMs);
	target.setUTCDate(1);
	target.setUTCMonth(d.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
	return target.getTime();
}

export interface RetentionLoop {
	cancelledAt: number | null;
	/** The latest decision's time; null while undecided. */
	decidedAt: number | null;
}

/**
 * When a candidate's data falls due for anonymisation: `months` after the last of their
 * loops was decided or cancelled. Never while a loop is open (the panel still needs it); a
 * candidate who never had a loop counts from when they were added.
 */
export function retentionDueAt(addedAt: number, loops: RetentionLoop[], months: number): number | null {
	let closedAt = loops.length ? 0 : addedAt;
	for (const loop of loops) {
		const closed = Math.max(loop.cancelledAt ?? 0, loop.decidedAt ?? 0);
		if (closed === 0) return null;
		closedAt = Math.max(closedAt, closed);
	}
	return addMonths(closedAt, months);
}
