import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder } from 'kysely';
import { defaultJobLeaseMs, maxJobAttempts, retryDelayMs } from '../../domain/job-backoff';
import type { DB } from '../platform/db';
import type { Database } from '../platform/schema';
import { engineOf } from '../platform/engine/engine-of';
import { skipLockedRows } from '../platform/engine/skip-locked';
import { jobHandlerFor, PermanentJobError, type JobOutcome } from './queue';

// One pass of the worker (decision 020): claim a due job under a lease, run its handler,
// record the delivery and mark it done in one transaction, or schedule the retry.

export interface RunOptions {
	/** Names the lease holder; one per worker. */
	workerId?: string;
	leaseMs?: number;
	maxAttempts?: number;
	/** The clock, read afresh for every claim (tests drive it). */
	now?: () => number;
	random?: () => number;
	/** Jobs run at most in one pass, so a pass ends and shutdown is never kept waiting long. */
	limit?: number;
	/** Checked between jobs: a stopping worker claims nothing more. */
	stopping?: () => boolean;
}

export function newWorkerId(): string {
	return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

interface ClaimedJob {
	id: number;
	kind: string;
	key: string;
	payload: string;
	attempts: number;
}

/** Queued and due, or running on a lease that ran out (its worker died). */
function isDue(now: number) {
	return (eb: ExpressionBuilder<Database, 'job'>) =>
		eb.or([
			eb.and([eb('state', '=', 'queued'), eb('runAt', '<=', now)]),
			eb.and([eb('state', '=', 'running'), eb('lockedUntil', '<=', now)])
		]);
}

/**
 * Jobs whose worker died on each of their attempts would otherwise be claimed forever: once
 * they have had every attempt they are dead, as a failing job would be.
 */
async function buryAbandonedJobs(db: DB, now: number, maxAttempts: number): Promise<void> {
	await db
		.updateTable('job')
		.set({
			state: 'dead',
			lastError: 'The server stopped while running it, on every attempt',
			lockedBy: null,
			lockedUntil: null,
			finishedAt: now,
			updatedAt: now
		})
		.where('state', '=', 'running')
		.where('lockedUntil', '<=', now)
		.where('attempts', '>=', maxAttempts)
		.execute();
}

/** Takes the next due job for workerId, or undefined when nothing is due. */
export async function claimJob(
	db: DB,
	workerId: string,
	now: number,
	leaseMs = defaultJobLeaseMs
): Promise<ClaimedJob | undefined> {
	const pick = skipLockedRows(
		db.selectFrom('job').select('id').where(isDue(now)).orderBy('runAt').orderBy('id').limit(1),
		engineOf(db)
	);
	return (
		db
			.updateTable('job')
			.set({
				state: 'running',
				lockedBy: workerId,
				lockedUntil: now + leaseMs,
				attempts: sql<number>`attempts + 1`,
				updatedAt: now
			})
			// `=`, not `in`: a scalar subquery runs once (PostgreSQL's InitPlan); under `in` the
			// planner may run it per row and, each time skipping what it just locked, claim them all.
			.where('id', '=', pick)
			// Again, on the row as it is now: PostgreSQL rechecks a row another claim just changed.
			.where(isDue(now))
			.returning(['id', 'kind', 'key', 'payload', 'attempts'])
			.executeTakeFirst()
	);
}

/** Only while the lease is still this run's: a worker that lost it must not overwrite another's. */
function holdingLease(job: ClaimedJob, workerId: string) {
	return (eb: ExpressionBuilder<Database, 'job'>) =>
		eb.and([
			eb('id', '=', job.id),
			eb('state', '=', 'running'),
			eb('lockedBy', '=', workerId),
			eb('attempts', '=', job.attempts)
		]);
}

async function isDelivered(db: DB, key: string): Promise<boolean> {
	return !!(await db.selectFrom('jobDelivery').select('key').where('key', '=', key).executeTakeFirst());
}

async function runHandler(db: DB, job: ClaimedJob, now: number): Promise<JobOutcome> {
	const handler = jobHandlerFor(job.kind);
	if (!handler) throw new PermanentJobError(`No handler for jobs of kind ${job.kind}`);
	let raw: unknown;
	try {
		raw = JSON.parse(job.payload);
	} catch {
		throw new PermanentJobError('The payload is not JSON');
	}
	const payload = handler.payload.safeParse(raw);
	if (!payload.success) throw new PermanentJobError(`Bad payload: ${payload.error.issues[0]?.message}`);
	return handler.run(
		{ id: job.id, kind: job.kind, key: job.key, payload: payload.data, attempt: job.attempts },
		{ db, now }
	);
}

/** Delivery recorded and job done in one transaction: after this, the key is never delivered again. */
async function finishJob(
	db: DB,
	job: ClaimedJob,
	workerId: string,
	outcome: JobOutcome,
	{ delivered, now }: { delivered: boolean; now: number }
) {
	await db.transaction().execute(async (trx) => {
		if (!delivered) {
			await trx
				.insertInto('jobDelivery')
				.values({ key: job.key, jobId: job.id, detail: outcome?.detail ?? null, deliveredAt: now })
				.onConflict((oc) => oc.column('key').doNothing())
				.execute();
		}
		const done = await trx
			.updateTable('job')
			.set({
				state: 'done',
				lockedBy: null,
				lockedUntil: null,
				lastError: null,
				finishedAt: now,
				updatedAt: now
			})
			.where(holdingLease(job, workerId))
			.executeTakeFirst();
		if (Number(done.numUpdatedRows) > 0) await outcome?.onDone?.(trx);
	});
}

async function failJob(db: DB, job: ClaimedJob, workerId: string, error: unknown, options: RunOptions) {
	const now = (options.now ?? Date.now)();
	const dead = error instanceof PermanentJobError || job.attempts >= (options.maxAttempts ?? maxJobAttempts);
	const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
	await db
		.updateTable('job')
		.set({
			state: dead ? 'dead' : 'queued',
			runAt: dead ? sql<number>`run_at` : now + retryDelayMs(job.attempts, options.random),
			lastError: message,
			lockedBy: null,
			lockedUntil: null,
			finishedAt: dead ? now : null,
			updatedAt: now
		})
		.where(holdingLease(job, workerId))
		.execute();
}

/** Runs one claimed job to its end: done, queued for a retry, or dead. */
async function runJob(db: DB, job: ClaimedJob, workerId: string, options: RunOptions): Promise<void> {
	// Delivered by an earlier run that died before marking it done: only the marking is left.
	const delivered = await isDelivered(db, job.key);
	let outcome: JobOutcome = undefined;
	try {
		if (!delivered) outcome = await runHandler(db, job, (options.now ?? Date.now)());
	} catch (error) {
		await failJob(db, job, workerId, error, options);
		return;
	}
	await finishJob(db, job, workerId, outcome, { delivered, now: (options.now ?? Date.now)() });
}

/** Runs the jobs due now, one after another, up to options.limit; returns how many ran. */
export async function runDueJobs(db: DB, options: RunOptions = {}): Promise<number> {
	const workerId = options.workerId ?? newWorkerId();
	const clock = options.now ?? Date.now;
	const maxAttempts = options.maxAttempts ?? maxJobAttempts;
	const limit = options.limit ?? 50;
	await buryAbandonedJobs(db, clock(), maxAttempts);
	let ran = 0;
	while (ran < limit && !options.stopping?.()) {
		const job = await claimJob(db, workerId, clock(), options.leaseMs);
		if (!job) break;
		await runJob(db, job, workerId, options);
		ran += 1;
	}
	return ran;
}
