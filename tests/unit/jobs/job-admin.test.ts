import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listJobs, retryJob } from '../../../src/lib/server/jobs/job-admin';
import { enqueueJob, PermanentJobError, registerJobHandler } from '../../../src/lib/server/jobs/queue';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 30, 9);

describe('jobs for admins', () => {
	it('lists jobs by state and puts a dead one back in the queue, audited; nobody else may', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const recruiter = await newUser(db, { role: 'recruiter' });
		let fail = true;
		const remove = registerJobHandler('test.admin', {
			payload: z.object({}),
			run: async () => {
				if (fail) throw new PermanentJobError('Mailbox unavailable');
			}
		});
		try {
			await enqueueJob(db, { kind: 'test.admin', payload: {}, key: 'a' }, t0);
			await enqueueJob(db, { kind: 'test.admin', payload: {}, key: 'b', runAt: t0 + 1000 }, t0);
			await runDueJobs(db, { now: () => t0 });
			const listed = await listJobs(db, admin, { state: 'dead', page: 1 });
			expect(listed.counts).toEqual({ queued: 1, running: 0, done: 0, dead: 1 });
			expect(listed.jobs.map((j) => [j.key, j.lastError])).toEqual([['a', 'Mailbox unavailable']]);
			const deadId = listed.jobs[0]!.id;

			await expect(listJobs(db, recruiter, { page: 1 })).rejects.toThrow(ForbiddenError);
			await expect(retryJob(db, recruiter, deadId)).rejects.toThrow(ForbiddenError);
			await expect(retryJob(db, admin, deadId + 1)).rejects.toThrow(ConflictError);
			await expect(retryJob(db, admin, 999_999)).rejects.toThrow(NotFoundError);

			await retryJob(db, admin, deadId, t0 + 5000);
			const [audit] = await listAuditEvents(db, 'job', deadId);
			expect(audit).toMatchObject({ action: 'job.retried', actorUserId: admin.id });
			fail = false;
			await runDueJobs(db, { now: () => t0 + 5000 });
			expect((await listJobs(db, admin, { page: 1 })).counts).toEqual({
				queued: 0,
				running: 0,
				done: 2,
				dead: 0
			});
		} finally {
			remove();
		}
	});
});
