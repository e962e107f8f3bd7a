import { z } from 'zod';
import { day, hour } from '../../domain/time';
import type { DB } from '../platform/db';
import { enqueueJob, registerJobHandler } from '../jobs/queue';
import { applyRetention } from './retention';

// Retention once a day, through the job queue (decision 024). Each day's run is one job keyed
// by its UTC date, so however often the server restarts it runs once that day; each run
// queues the next day's, at 03:00 UTC.

export const retentionJobKind = 'retention.apply';

function jobFor(runAt: number) {
	return {
		kind: retentionJobKind,
		payload: null,
		key: `retention:${new Date(runAt).toISOString().slice(0, 10)}`,
		runAt
	};
}

/** 03:00 UTC on the day after `now`. */
export function nextRetentionRun(now: number): number {
	return Math.floor(now / day) * day + day + 3 * hour;
}

/**
 * Queues today's run (at once) unless today's is queued or done already; called as the
 * server starts. RETENTION_JOB=off leaves retention to `panelist retention --apply`.
 */
export async function scheduleDailyRetention(
	db: DB,
	now = Date.now(),
	env: Record<string, string | undefined> = process.env
): Promise<boolean> {
	if (env.RETENTION_JOB === 'off') return false;
	return enqueueJob(db, jobFor(now), now);
}

registerJobHandler(retentionJobKind, {
	payload: z.null(),
	run: async (_job, { db, now }) => {
		const { anonymised, held } = await applyRetention(db, now);
		return {
			detail: `anonymised ${anonymised.length}, kept by a legal hold ${held.length}`,
			onDone: async (trx) => {
				await enqueueJob(trx, jobFor(nextRetentionRun(now)), now);
			}
		};
	}
});
