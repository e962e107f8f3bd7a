import { maxJobAttempts } from '../lib/domain/job-backoff';
import { jobStateLabels } from '../lib/domain/job-list';
import type { DB } from '../lib/server/platform/db';
import { runDueJobs } from '../lib/server/jobs/run-jobs';
import { jobLeaseMs } from '../lib/server/platform/runtime';
import '../lib/server/jobs/job-kinds';

// `panelist jobs`: the queue for operators (decision 020). Listing reads; `run-due` runs what
// is due once, as the server's worker would, beside it or instead of it.

/** The latest jobs, newest first, one line each, and the count per state. */
export async function printJobs(db: DB, limit = 50): Promise<void> {
	const jobs = await db
		.selectFrom('job')
		.select(['id', 'kind', 'key', 'state', 'attempts', 'runAt', 'lastError'])
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	const counts = await db
		.selectFrom('job')
		.select((eb) => ['state', eb.fn.countAll<number>().as('n')])
		.groupBy('state')
		.execute();
	const summary = Object.entries(jobStateLabels)
		.map(
			([state, label]) => `${label.toLowerCase()} ${Number(counts.find((c) => c.state === state)?.n ?? 0)}`
		)
		.join(', ');
	console.log(`Jobs: ${summary}.`);
	for (const job of jobs) {
		const due = new Date(job.runAt).toISOString();
		const error = job.lastError ? `  ${job.lastError.split('\n')[0]}` : '';
		console.log(
			`${String(job.id).padStart(6)}  ${job.state.padEnd(7)} ${job.attempts}/${maxJobAttempts}  ${due}  ${job.kind}  ${job.key}${error}`
		);
	}
}

/** Runs every job due now, once; says how many ran and how many are dead. */
export async function runDueJobsOnce(db: DB): Promise<void> {
	const ran = await runDueJobs(db, { leaseMs: jobLeaseMs(), limit: 10_000 });
	const dead = await db
		.selectFrom('job')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('state', '=', 'dead')
		.executeTakeFirstOrThrow();
	console.log(`Ran ${ran} due job${ran === 1 ? '' : 's'}; ${Number(dead.n)} dead.`);
}
