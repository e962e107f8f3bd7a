import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { maxJobAttempts } from '../../../src/lib/domain/job-backoff';
import { minute } from '../../../src/lib/domain/time';
import {
	enqueueJob,
	PermanentJobError,
	registerJobHandler,
	type JobOutcome,
	type RunningJob
} from '../../../src/lib/server/jobs/queue';
import { claimJob, runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';

const t0 = Date.UTC(2026, 10, 30, 9);
const lease = 2 * minute;

const removals: (() => void)[] = [];
afterEach(() => removals.splice(0).forEach((remove) => remove()));

/** A handler for kind `kind` that records each run and does what `behave` says. */
function handle(
	kind: string,
	behave: (job: RunningJob<{ n: number }>) => Promise<JobOutcome> = async () => {}
) {
	const runs: RunningJob<{ n: number }>[] = [];
	removals.push(
		registerJobHandler(kind, {
			payload: z.object({ n: z.number() }),
			run: async (job) => {
				runs.push(job);
				return behave(job);
			}
		})
	);
	return runs;
}

const jobOf = (db: DB, key: string) =>
	db.selectFrom('job').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

const run = (db: DB, now: number, extra: Parameters<typeof runDueJobs>[1] = {}) =>
	runDueJobs(db, { now: () => now, leaseMs: lease, random: () => 0, ...extra });

describe('enqueueing', () => {
	it('queues a job with the change that causes it, and none when that change rolls back', async () => {
		const db = freshDb();
		await db
			.transaction()
			.execute((trx) => enqueueJob(trx, { kind: 'test.a', payload: { n: 1 }, key: 'k1' }, t0));
		await expect(
			db.transaction().execute(async (trx) => {
				await enqueueJob(trx, { kind: 'test.a', payload: { n: 2 }, key: 'k2' }, t0);
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		const keys = await db.selectFrom('job').select(['key', 'state', 'runAt']).execute();
		expect(keys).toEqual([{ key: 'k1', state: 'queued', runAt: t0 }]);
	});

	it('keeps one job per idempotency key: a second enqueue of it is ignored', async () => {
		const db = freshDb();
		expect(await enqueueJob(db, { kind: 'test.a', payload: { n: 1 }, key: 'same' }, t0)).toBe(true);
		expect(await enqueueJob(db, { kind: 'test.a', payload: { n: 2 }, key: 'same' }, t0 + 1)).toBe(false);
		expect(JSON.parse((await jobOf(db, 'same')).payload)).toEqual({ n: 1 });
	});
});

describe('running', () => {
	it('runs a due job once with its key and payload, records the delivery and marks it done', async () => {
		const db = freshDb();
		const runs = handle('test.run', async () => ({ detail: '250 accepted' }));
		await enqueueJob(db, { kind: 'test.run', payload: { n: 7 }, key: 'mail:1' }, t0);
		await enqueueJob(db, { kind: 'test.run', payload: { n: 8 }, key: 'later', runAt: t0 + minute }, t0);
		expect(await run(db, t0)).toBe(1);
		expect(runs.map((r) => [r.key, r.payload, r.attempt])).toEqual([['mail:1', { n: 7 }, 1]]);
		expect(await jobOf(db, 'mail:1')).toMatchObject({ state: 'done', finishedAt: t0, lockedBy: null });
		const delivery = await db.selectFrom('jobDelivery').selectAll().executeTakeFirstOrThrow();
		expect(delivery).toMatchObject({ key: 'mail:1', detail: '250 accepted' });
		expect(await run(db, t0)).toBe(0);
		expect(await run(db, t0 + minute)).toBe(1);
	});

	it('commits the handler’s follow-up work with the marking done', async () => {
		const db = freshDb();
		handle('test.chain', async (job) => ({
			onDone: async (trx) => {
				await enqueueJob(trx, {
					kind: 'test.chain',
					payload: { n: job.payload.n + 1 },
					key: `next:${job.payload.n}`
				});
			}
		}));
		await enqueueJob(db, { kind: 'test.chain', payload: { n: 1 }, key: 'first' }, t0);
		await run(db, t0, { limit: 1 });
		expect((await jobOf(db, 'next:1')).state).toBe('queued');
	});

	it('retries a failure later each time, with jitter, and leaves it dead after the last attempt', async () => {
		const db = freshDb();
		const runs = handle('test.fail', async () => {
			throw new Error('connection refused');
		});
		await enqueueJob(db, { kind: 'test.fail', payload: { n: 1 }, key: 'flaky' }, t0);
		let now = t0;
		const waits: number[] = [];
		for (let attempt = 1; attempt <= maxJobAttempts; attempt++) {
			expect(await run(db, now)).toBe(1);
			const job = await jobOf(db, 'flaky');
			expect(job.attempts).toBe(attempt);
			expect(job.lastError).toBe('connection refused');
			if (attempt < maxJobAttempts) {
				expect(job.state).toBe('queued');
				waits.push(job.runAt - now);
				expect(await run(db, job.runAt - 1)).toBe(0);
				now = job.runAt;
			} else {
				expect(job).toMatchObject({ state: 'dead', finishedAt: now });
			}
		}
		// random() = 0 takes the least of each step: half of 30 s doubled per failure.
		expect(waits).toEqual([15, 30, 60, 120, 240, 480, 960].map((s) => s * 1000));
		expect(runs).toHaveLength(maxJobAttempts);
		expect(await run(db, now + 24 * 60 * minute)).toBe(0);
	});

	it('leaves a job dead at once on a permanent failure, a bad payload or an unknown kind', async () => {
		const db = freshDb();
		handle('test.gone', async () => {
			throw new PermanentJobError('The loop is gone');
		});
		handle('test.strict');
		await enqueueJob(db, { kind: 'test.gone', payload: { n: 1 }, key: 'gone' }, t0);
		await enqueueJob(db, { kind: 'test.strict', payload: { n: 'one' }, key: 'bad' }, t0);
		await enqueueJob(db, { kind: 'test.nobody', payload: { n: 1 }, key: 'unknown' }, t0);
		await run(db, t0);
		expect(await jobOf(db, 'gone')).toMatchObject({
			state: 'dead',
			attempts: 1,
			lastError: 'The loop is gone'
		});
		expect(await jobOf(db, 'bad')).toMatchObject({ state: 'dead' });
		expect((await jobOf(db, 'bad')).lastError).toMatch(/^Bad payload/);
		expect(await jobOf(db, 'unknown')).toMatchObject({
			state: 'dead',
			lastError: 'No handler for jobs of kind test.nobody'
		});
	});
});

describe('leases', () => {
	it('gives a claimed job to nobody else until its lease runs out, then to the next worker', async () => {
		const db = freshDb();
		const runs = handle('test.lease');
		await enqueueJob(db, { kind: 'test.lease', payload: { n: 1 }, key: 'held' }, t0);
		// Worker A claims it and dies (kill -9) before finishing.
		expect(await claimJob(db, 'worker-a', t0, lease)).toMatchObject({ key: 'held', attempts: 1 });
		expect(await run(db, t0 + lease - 1, { workerId: 'worker-b' })).toBe(0);
		expect(await run(db, t0 + lease, { workerId: 'worker-b' })).toBe(1);
		expect(runs.map((r) => r.attempt)).toEqual([2]);
		expect((await jobOf(db, 'held')).state).toBe('done');
	});

	it('does not deliver again a job whose delivery was recorded before its worker died', async () => {
		const db = freshDb();
		const runs = handle('test.once');
		await enqueueJob(db, { kind: 'test.once', payload: { n: 1 }, key: 'sent' }, t0);
		const claimed = await claimJob(db, 'worker-a', t0, lease);
		await db
			.insertInto('jobDelivery')
			.values({ key: 'sent', jobId: claimed!.id, detail: null, deliveredAt: t0 })
			.execute();
		expect(await run(db, t0 + lease)).toBe(1);
		expect(runs).toEqual([]);
		expect((await jobOf(db, 'sent')).state).toBe('done');
	});

	it('does not let a worker whose lease ran out overwrite the job another worker now holds', async () => {
		const db = freshDb();
		let release!: () => void;
		const slow = new Promise<void>((resolve) => (release = resolve));
		handle('test.slow', async (job) => {
			if (job.attempt === 1) await slow;
			throw new Error(`attempt ${job.attempt} failed`);
		});
		await enqueueJob(db, { kind: 'test.slow', payload: { n: 1 }, key: 'slow' }, t0);
		const a = run(db, t0, { workerId: 'worker-a' });
		await expect.poll(async () => (await jobOf(db, 'slow')).state).toBe('running');
		await run(db, t0 + lease, { workerId: 'worker-b' });
		release();
		await a;
		// B's failure stands: A's late one (attempt 1) changed nothing.
		expect(await jobOf(db, 'slow')).toMatchObject({
			attempts: 2,
			lastError: 'attempt 2 failed',
			state: 'queued'
		});
	});

	it('leaves dead a job whose worker died on every attempt', async () => {
		const db = freshDb();
		await enqueueJob(db, { kind: 'test.crash', payload: { n: 1 }, key: 'poison' }, t0);
		let now = t0;
		for (let i = 0; i < maxJobAttempts; i++) {
			expect(await claimJob(db, `worker-${i}`, now, lease)).toBeDefined();
			now += lease;
		}
		await run(db, now);
		expect(await jobOf(db, 'poison')).toMatchObject({ state: 'dead', attempts: maxJobAttempts });
	});
});
