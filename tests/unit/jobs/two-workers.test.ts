import { afterAll, expect, it } from 'vitest';
import { z } from 'zod';
import { enqueueJob, registerJobHandler } from '../../../src/lib/server/jobs/queue';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { freshDatabaseLocation } from '../helpers/db';

// Two instances of the server on one database (two PostgreSQL pools; on SQLite two
// connections to one file), each with its worker: no job may run twice.

const opened: DB[] = [];
afterAll(async () => {
	for (const db of opened.splice(0)) await db.destroy();
});

it('never runs the same job in two workers at once', async () => {
	const location = await freshDatabaseLocation();
	const [a, b] = [openDatabase(location), openDatabase(location)];
	opened.push(a, b);
	const runs: { key: string; worker: string }[] = [];
	const remove = registerJobHandler('test.shared', {
		payload: z.object({}),
		run: async (job, { db }) => {
			runs.push({ key: job.key, worker: db === a ? 'a' : 'b' });
			// Long enough that the other worker claims while this one is busy.
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	});
	try {
		for (let i = 0; i < 40; i++) await enqueueJob(a, { kind: 'test.shared', payload: {}, key: `job-${i}` });
		const [ranA, ranB] = await Promise.all([
			runDueJobs(a, { workerId: 'a', limit: 1000 }),
			runDueJobs(b, { workerId: 'b', limit: 1000 })
		]);
		expect(ranA + ranB).toBe(40);
		expect(new Set(runs.map((r) => r.key)).size).toBe(40);
		expect(runs).toHaveLength(40);
		expect(ranA).toBeGreaterThan(0);
		expect(ranB).toBeGreaterThan(0);
		const states = await a.selectFrom('job').select('state').distinct().execute();
		expect(states).toEqual([{ state: 'done' }]);
	} finally {
		remove();
	}
});
