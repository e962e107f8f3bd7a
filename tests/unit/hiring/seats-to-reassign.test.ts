import { describe, expect, it } from 'vitest';
import { listSeatsToReassign } from '../../../src/lib/server/hiring/seats-to-reassign';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { cancelLoop } from '../../../src/lib/server/hiring/panel';
import { freshDb } from '../helpers/db';
import { newLoop, newUser, submitAs } from '../../support/seed';

describe('seats to reassign', () => {
	it('lists the unfinished scorecards of deactivated interviewers to those who run loops, and nothing of their content', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const at = Date.UTC(2026, 11, 2, 10);
		const loop = await newLoop(db, { size: 3, at });
		const [gone, submitted, stays] = loop.panel;
		await submitAs(db, submitted!, loop.scorecards[1]!.id);
		await deactivateUser(db, admin, gone!.id);
		await deactivateUser(db, admin, submitted!.id);

		const seats = await listSeatsToReassign(db, loop.recruiter);
		expect(seats).toEqual([
			{
				scorecardId: loop.scorecards[0]!.id,
				loopId: loop.loopId,
				candidateName: 'Ada',
				openingTitle: expect.any(String),
				roundTitle: loop.rounds[0]!.title,
				interviewerName: gone!.name,
				scheduledAt: at
			}
		]);
		expect(await listSeatsToReassign(db, admin)).toEqual(seats);
		// Interviewers do not run loops; a hiring manager has the opening's own queues.
		expect(await listSeatsToReassign(db, stays!)).toEqual([]);
		expect(await listSeatsToReassign(db, loop.manager)).toEqual([]);

		await cancelLoop(db, loop.recruiter, loop.loopId, 'Candidate withdrew');
		expect(await listSeatsToReassign(db, loop.recruiter)).toEqual([]);
	});
});
