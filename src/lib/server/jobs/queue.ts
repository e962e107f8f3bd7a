import type { z } from 'zod';
import type { DB } from '../platform/db';

// The job queue's two ends as feature code meets them (decision 020): enqueueJob, called in
// the transaction of the change that causes the work, and registerJobHandler, which says how
// a kind of job is run. The worker (worker.ts, run-jobs.ts) sits between them.

export interface NewJob {
	kind: string;
	/** Ids and states only: the handler reads the rest, as the receiver may see it, when it runs. */
	payload: unknown;
	/**
	 * The idempotency key: one job per key, ever (a second enqueue of it is ignored). Handlers
	 * get it to pass on (a Message-ID, a webhook-id); a delivered key is never delivered again.
	 */
	key: string;
	/** Epoch ms; by default at once. */
	runAt?: number;
}

/**
 * Queues a job. Call it with the transaction that makes the change, so the job exists exactly
 * when the change does. Returns whether a new job was queued (false: the key was taken).
 */
export async function enqueueJob(trx: DB, job: NewJob, now = Date.now()): Promise<boolean> {
	const result = await trx
		.insertInto('job')
		.values({
			kind: job.kind,
			payload: JSON.stringify(job.payload ?? null),
			key: job.key,
			state: 'queued',
			runAt: job.runAt ?? now,
			createdAt: now,
			updatedAt: now
		})
		.onConflict((oc) => oc.column('key').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A job as its handler gets it: the payload already checked against the handler's schema. */
export interface RunningJob<P> {
	id: number;
	kind: string;
	key: string;
	payload: P;
	/** This run's number, from 1. */
	attempt: number;
}

export interface JobContext {
	db: DB;
	/** The worker's clock (tests drive it). */
	now: number;
}

/**
 * What a handler may hand back: a line for the delivery record (an SMTP reply, a status code),
 * and work to commit in the same transaction that marks the job done (queueing the next
 * reminder, say), so it happens exactly once.
 */
export type JobOutcome = void | { detail?: string; onDone?: (trx: DB) => Promise<void> };

export interface JobHandler<P> {
	payload: z.ZodType<P>;
	run: (job: RunningJob<P>, context: JobContext) => Promise<JobOutcome>;
}

/** A failure that no retry can mend (the thing is gone, the input is wrong): the job goes dead at once. */
export class PermanentJobError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PermanentJobError';
	}
}

const handlers = new Map<string, JobHandler<unknown>>();

/**
 * Says how jobs of `kind` run. Modules register their kinds when loaded (job-kinds.ts); the
 * returned function takes the handler away again (tests).
 */
export function registerJobHandler<P>(kind: string, handler: JobHandler<P>): () => void {
	if (handlers.has(kind)) throw new Error(`A handler for job kind ${kind} is already registered`);
	handlers.set(kind, handler as JobHandler<unknown>);
	return () => {
		if (handlers.get(kind) === handler) handlers.delete(kind);
	};
}

export function jobHandlerFor(kind: string): JobHandler<unknown> | undefined {
	return handlers.get(kind);
}
