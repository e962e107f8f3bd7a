import { describe, expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { saveScorecard } from '../../../src/lib/server/evaluation/scorecards';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { getLoop } from '../../../src/lib/server/hiring/loop-detail';
import {
	addToPanel,
	cancelLoop,
	removeFromPanel,
	rescheduleInterview
} from '../../../src/lib/server/hiring/panel';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import type { DB } from '../../../src/lib/server/platform/db';
import {
	ConflictError,
	ForbiddenError,
	InputError,
	NotFoundError
} from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { completeDocument, newCandidate, newLoop, newOpening, newUser, submitAs } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 24, 9);

/** Panelist 0 on round 1, Panelist 1 on round 2; Sam and Nia free to join. */
async function setting() {
	const db = freshDb();
	const loop = await newLoop(db, { size: 2, at: t0 });
	const sam = await newUser(db, { name: 'Sam' });
	const nia = await newUser(db, { name: 'Nia' });
	const [card0, card1] = loop.scorecards.map((s) => s.id) as [number, number];
	return { db, ...loop, sam, nia, card0, card1 };
}

/** Who sits on a round, as the loop page shows it to hiring staff. */
const panelOf = async (db: DB, viewer: AuthUser, loopId: number, round: number) =>
	(await getLoop(db, viewer, loopId)).rounds[round]!.panel;

const auditOf = async (db: DB, loopId: number, action: string) =>
	(await listAuditEvents(db, 'loop', loopId)).filter((e) => e.action === action);

describe('adding to a panel', () => {
	it('gives each new interviewer a scorecard on the round; the audit names the round and who joined', async () => {
		const { db, recruiter, loopId, rounds, sam, nia } = await setting();
		const created = await addToPanel(db, recruiter, loopId, {
			roundId: rounds[2]!.id,
			interviewerIds: [sam.id, nia.id],
			scheduledAt: t0 + 5 * hour
		});
		expect(created).toHaveLength(2);
		const panel = await panelOf(db, recruiter, loopId, 2);
		expect(panel.map((p) => [p.interviewerName, p.scheduledAt, p.status]).sort()).toEqual([
			['Nia', t0 + 5 * hour, 'not_started'],
			['Sam', t0 + 5 * hour, 'not_started']
		]);
		const [added] = await auditOf(db, loopId, 'loop.panel_added');
		expect(added!.actorUserId).toBe(recruiter.id);
		expect(JSON.parse(added!.after!)).toMatchObject({ round: rounds[2]!.title });
		expect(JSON.parse(added!.after!).interviewers.sort()).toEqual(['Nia', 'Sam']);
	});

	it('refuses a round of another loop, someone already on it, an unknown or deactivated interviewer, saving nothing', async () => {
		const { db, recruiter, panel, openingId, loopId, rounds, sam } = await setting();
		const other = await createLoop(db, recruiter, {
			candidateId: await newCandidate(db, [openingId]),
			openingId,
			panel: []
		});
		const admin = await newUser(db, { role: 'admin' });
		await deactivateUser(db, admin, sam.id);
		const attempt = (roundId: number, interviewerIds: number[]) =>
			addToPanel(db, recruiter, loopId, { roundId, interviewerIds, scheduledAt: t0 }).catch(
				(e: InputError) => e.fieldErrors
			);

		expect(await attempt(other.rounds[0]!.id, [panel[1]!.id])).toEqual({
			roundId: 'Choose a round of this loop'
		});
		expect(await attempt(rounds[0]!.id, [panel[0]!.id])).toEqual({
			interviewerIds: 'That interviewer is already on this round'
		});
		expect(await attempt(rounds[0]!.id, [987_654])).toEqual({
			interviewerIds: 'Choose interviewers from the list'
		});
		expect(await attempt(rounds[0]!.id, [sam.id])).toEqual({
			interviewerIds: 'Sam is deactivated and cannot interview'
		});
		expect((await panelOf(db, recruiter, loopId, 0)).map((p) => p.interviewerName)).toEqual(['Panelist 0']);
		expect(await auditOf(db, loopId, 'loop.panel_added')).toEqual([]);
	});
});

describe('removing from a panel', () => {
	it('takes off a seat whose scorecard is not started; once started, the interviewer stays', async () => {
		const { db, recruiter, panel, loopId, rounds, card0, card1 } = await setting();
		await saveScorecard(db, panel[1]!, card1, 0, await completeDocument(db, card1));
		const refusal = await removeFromPanel(db, recruiter, loopId, card1).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(ConflictError);
		expect((refusal as Error).message).toBe(
			`Panelist 1 has started their scorecard for ${rounds[1]!.title}, so they stay on the panel`
		);
		expect((await panelOf(db, recruiter, loopId, 1)).map((p) => p.interviewerName)).toEqual(['Panelist 1']);

		await removeFromPanel(db, recruiter, loopId, card0, t0 - hour);
		expect(await panelOf(db, recruiter, loopId, 0)).toEqual([]);
		const [removal] = await auditOf(db, loopId, 'loop.panel_removed');
		expect(removal!.actorUserId).toBe(recruiter.id);
		expect(JSON.parse(removal!.before!)).toMatchObject({
			round: rounds[0]!.title,
			interviewer: 'Panelist 0',
			scheduledAt: t0
		});
	});

	it('never takes off one’s own seat, even for someone who runs the opening; someone else can, and the audit names both', async () => {
		const { db, recruiter, manager, loopId, rounds } = await setting();
		const [managerSeat] = await addToPanel(db, recruiter, loopId, {
			roundId: rounds[0]!.id,
			interviewerIds: [manager.id],
			scheduledAt: t0
		});
		const refusal = await removeFromPanel(db, manager, loopId, managerSeat!).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(ForbiddenError);
		expect((refusal as Error).message).toBe(
			'You cannot take yourself off this panel: someone else who runs this opening can remove your seat.'
		);
		// Still on the panel, so still waiting like any panelist.
		const loop = await getLoop(db, manager, loopId);
		expect(loop.rounds[0]!.panel.map((p) => p.interviewerName)).toContain('Manager');
		expect(loop.feedback).toMatchObject({ visible: false });

		await removeFromPanel(db, recruiter, loopId, managerSeat!);
		const [removal] = await auditOf(db, loopId, 'loop.panel_removed');
		expect(removal!.actorUserId).toBe(recruiter.id);
		expect(JSON.parse(removal!.before!)).toMatchObject({ interviewerId: manager.id, interviewer: 'Manager' });
	});
});

describe('rescheduling an interview', () => {
	it('moves a scorecard not yet submitted, with both times in the audit; a submitted one keeps its time', async () => {
		const { db, recruiter, panel, loopId, rounds, card0, card1 } = await setting();
		await rescheduleInterview(db, recruiter, loopId, card0, t0 + 30 * hour);
		expect((await panelOf(db, recruiter, loopId, 0))[0]!.scheduledAt).toBe(t0 + 30 * hour);
		const [moved] = await auditOf(db, loopId, 'loop.rescheduled');
		expect(JSON.parse(moved!.before!)).toEqual({
			round: rounds[0]!.title,
			interviewer: 'Panelist 0',
			scheduledAt: t0
		});
		expect(JSON.parse(moved!.after!)).toMatchObject({ scheduledAt: t0 + 30 * hour });

		await submitAs(db, panel[1]!, card1, { now: t0 + 3 * hour });
		await expect(rescheduleInterview(db, recruiter, loopId, card1, t0 + 40 * hour)).rejects.toThrow(
			'This interview’s scorecard is already submitted'
		);
		expect((await panelOf(db, recruiter, loopId, 1))[0]!.scheduledAt).toBe(t0 + hour);
	});
});

describe('cancelling a loop', () => {
	it('records the reason; after that, its panel no longer changes', async () => {
		const { db, recruiter, loopId, rounds, sam, card0 } = await setting();
		await cancelLoop(db, recruiter, loopId, 'The candidate withdrew', t0 - hour);
		const loop = await getLoop(db, recruiter, loopId, t0 - hour);
		expect(loop.status).toBe('cancelled');
		const [cancelled] = await auditOf(db, loopId, 'loop.cancelled');
		expect(JSON.parse(cancelled!.after!)).toEqual({ reason: 'The candidate withdrew' });

		const cancelledError = 'This loop is cancelled';
		await expect(
			addToPanel(db, recruiter, loopId, { roundId: rounds[2]!.id, interviewerIds: [sam.id], scheduledAt: t0 })
		).rejects.toThrow(cancelledError);
		await expect(removeFromPanel(db, recruiter, loopId, card0)).rejects.toThrow(cancelledError);
		await expect(rescheduleInterview(db, recruiter, loopId, card0, t0 + hour)).rejects.toThrow(
			cancelledError
		);
		await expect(cancelLoop(db, recruiter, loopId, 'Again')).rejects.toThrow(cancelledError);
		expect((await panelOf(db, recruiter, loopId, 0)).map((p) => p.scheduledAt)).toEqual([t0]);
	});
});

describe('who may change a panel', () => {
	it('those who run the opening: its hiring manager yes; a panelist or another opening’s manager no, changing nothing', async () => {
		const { db, recruiter, manager, panel, loopId, rounds, sam, card0 } = await setting();
		const otherManager = await newUser(db);
		await newOpening(db, [otherManager]);
		for (const outsider of [panel[0]!, otherManager]) {
			await expect(
				addToPanel(db, outsider, loopId, {
					roundId: rounds[2]!.id,
					interviewerIds: [sam.id],
					scheduledAt: t0
				})
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(removeFromPanel(db, outsider, loopId, card0)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(rescheduleInterview(db, outsider, loopId, card0, t0 + hour)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(cancelLoop(db, outsider, loopId, 'No')).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect((await listAuditEvents(db, 'loop', loopId)).map((e) => e.action)).toEqual(['loop.created']);
		await expect(cancelLoop(db, manager, 987_654, 'No such loop')).rejects.toBeInstanceOf(NotFoundError);

		await rescheduleInterview(db, manager, loopId, card0, t0 + 2 * hour);
		expect((await panelOf(db, recruiter, loopId, 0))[0]!.scheduledAt).toBe(t0 + 2 * hour);
	});
});
