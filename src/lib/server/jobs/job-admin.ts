import { jobPageSize, type JobFilter, type JobStateName } from '../../domain/job-list';
import { assertRole } from '../access/permissions';
import type { AuthUser } from '../auth/session';
import { recordAudit } from '../platform/audit';
import type { DB } from '../platform/db';
import { ConflictError, NotFoundError } from '../platform/errors';

// What admins see of the queue and may do with it: list the jobs, retry a dead one.
// Payloads are ids and states only, and not shown: the kind and key say what a job is for.

export interface JobRow {
	id: number;
	kind: string;
	key: string;
	state: JobStateName;
	attempts: number;
	runAt: number;
	lastError: string | null;
	updatedAt: number;
	finishedAt: number | null;
}

export async function listJobs(
	db: DB,
	actor: AuthUser,
	filter: JobFilter
): Promise<{ jobs: JobRow[]; counts: Record<JobStateName, number>; pages: number }> {
	assertRole(actor, 'admin');
	let query = db.selectFrom('job');
	if (filter.state) query = query.where('state', '=', filter.state);
	const [jobs, byState] = await Promise.all([
		query
			.select(['id', 'kind', 'key', 'state', 'attempts', 'runAt', 'lastError', 'updatedAt', 'finishedAt'])
			.orderBy('id', 'desc')
			.limit(jobPageSize)
			.offset((filter.page - 1) * jobPageSize)
			.execute(),
		db
			.selectFrom('job')
			.select((eb) => ['state', eb.fn.countAll<number>().as('n')])
			.groupBy('state')
			.execute()
	]);
	const counts = { queued: 0, running: 0, done: 0, dead: 0 };
	for (const row of byState) counts[row.state] = Number(row.n);
	const total = filter.state ? counts[filter.state] : Object.values(counts).reduce((a, b) => a + b, 0);
	return { jobs, counts, pages: Math.max(1, Math.ceil(total / jobPageSize)) };
}

/** Puts a dead job back in the queue, due at once, with a fresh set of attempts; audited. */
export async function retryJob(db: DB, actor: AuthUser, jobId: number, now = Date.now()): Promise<void> {
	assertRole(actor, 'admin');
	await db.transaction().execute(async (trx) => {
		const job = await trx
			.selectFrom('job')
			.select(['kind', 'key', 'state', 'attempts', 'lastError'])
			.where('id', '=', jobId)
			.executeTakeFirst();
		if (!job) throw new NotFoundError('No such job');
		if (job.state !== 'dead') throw new ConflictError('Only a dead job is retried; this one is not dead');
		await trx
			.updateTable('job')
			.set({ state: 'queued', attempts: 0, runAt: now, finishedAt: null, updatedAt: now })
			.where('id', '=', jobId)
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'job.retried',
				entityType: 'job',
				entityId: jobId,
				before: { kind: job.kind, key: job.key, attempts: job.attempts, lastError: job.lastError }
			},
			now
		);
	});
}
