import { describe, expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import { getCompetency } from '../../../src/lib/server/library/competencies';
import { reviseCompetency } from '../../../src/lib/server/library/competency-edits';
import { ForbiddenError, InputError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { getInterviewKit, listMyInterviews } from '../../../src/lib/server/hiring/interviews';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { getLoop } from '../../../src/lib/server/hiring/loop-detail';
import { listLoops } from '../../../src/lib/server/hiring/loop-summaries';
import { listActiveUsers } from '../../../src/lib/server/hiring/openings';
import { addToPanel, removeFromPanel, rescheduleInterview } from '../../../src/lib/server/hiring/panel';
import { getTemplate } from '../../../src/lib/server/library/templates';
import { updateRound } from '../../../src/lib/server/library/template-rounds';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { freshDb } from '../helpers/db';
import { newCandidate, newOpening, newUser } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 24, 9);

async function setting() {
	const db = freshDb();
	const admin = await newUser(db, { role: 'admin' });
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db, { name: 'Morgan Manager' });
	const priya = await newUser(db, { name: 'Priya' });
	const sam = await newUser(db, { name: 'Sam' });
	const openingId = await newOpening(db, [manager]);
	const candidateId = await newCandidate(db, [openingId], 'Ada Candidate');
	return { db, admin, recruiter, manager, priya, sam, openingId, candidateId };
}

describe('creating a loop', () => {
	it('copies the template rounds, pins competency revisions and copies the questions', async () => {
		const { db, recruiter, priya, sam, openingId, candidateId } = await setting();
		const created = await createLoop(
			db,
			recruiter,
			{
				candidateId,
				openingId,
				panel: [
					{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 },
					{ round: 1, interviewerIds: [sam.id, priya.id], scheduledAt: t0 + 2 * hour }
				]
			},
			t0 - 48 * hour
		);
		expect(created.rounds).toHaveLength(5);
		expect(created.scorecards.map((s) => [s.round, s.interviewerId])).toEqual([
			[0, priya.id],
			[1, sam.id],
			[1, priya.id]
		]);

		const before = await getLoop(db, recruiter, created.loopId, t0 - 48 * hour);
		const template = await getTemplate(
			db,
			recruiter,
			(
				await db
					.selectFrom('opening')
					.select('templateId')
					.where('id', '=', openingId)
					.executeTakeFirstOrThrow()
			).templateId
		);
		const firstRound = template.rounds[0]!;
		const coding = firstRound.competencies[0]!;

		// Later edits to the template and the library do not reach the loop.
		await updateRound(db, recruiter, template.id, firstRound.id, {
			title: 'Pairing exercise',
			kind: firstRound.kind,
			format: firstRound.format,
			durationMinutes: 90,
			competencyIds: firstRound.competencies.map((c) => c.id),
			questionIds: []
		});
		const detail = await getCompetency(db, recruiter, coding.id);
		const [a1, a2, a3, a4] = detail.anchors;
		await reviseCompetency(db, recruiter, coding.id, {
			name: `${detail.name} v2`,
			kind: detail.kind,
			description: detail.description,
			anchor1: a1,
			anchor2: a2,
			anchor3: `${a3} Updated.`,
			anchor4: a4
		});
		await db.updateTable('question').set({ prompt: 'Rewritten' }).execute();

		const after = await getLoop(db, recruiter, created.loopId, t0 - 48 * hour);
		expect(after.rounds[0]!.title).toBe(before.rounds[0]!.title);
		expect(after.rounds[0]!.durationMinutes).toBe(before.rounds[0]!.durationMinutes);
		expect(after.rounds[0]!.questions.length).toBeGreaterThan(0);
		expect(after.rounds[0]!.questions.map((q) => q.prompt)).toEqual(
			before.rounds[0]!.questions.map((q) => q.prompt)
		);
		expect(after.rounds[0]!.competencies[0]).toEqual({ id: coding.id, name: detail.name, revision: 1 });

		const brief = await getInterviewKit(db, priya, created.scorecards[0]!.id);
		expect(brief.round.competencies[0]!.anchors[2]).toBe(a3);
	});

	it('is a draft until every round has an interviewer; the panel history is audited', async () => {
		const { db, recruiter, priya, sam, openingId, candidateId } = await setting();
		const { loopId, rounds } = await createLoop(
			db,
			recruiter,
			{ candidateId, openingId, panel: [{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 }] },
			t0 - 48 * hour
		);
		expect((await getLoop(db, recruiter, loopId, t0 - 48 * hour)).status).toBe('draft');
		for (const [i, round] of rounds.slice(1).entries()) {
			await addToPanel(
				db,
				recruiter,
				loopId,
				{ roundId: round.id, interviewerIds: [sam.id], scheduledAt: t0 + (i + 1) * 2 * hour },
				t0 - 47 * hour
			);
		}
		const loop = await getLoop(db, recruiter, loopId, t0 - 47 * hour);
		expect(loop.status).toBe('scheduled');
		const firstSam = loop.rounds[1]!.panel[0]!;
		await rescheduleInterview(db, recruiter, loopId, firstSam.scorecardId, t0 + 30 * hour, t0 - 46 * hour);
		await removeFromPanel(db, recruiter, loopId, loop.rounds[0]!.panel[0]!.scorecardId, t0 - 45 * hour);
		const history = (await getLoop(db, recruiter, loopId, t0 - 45 * hour)).history.map((h) => h.action);
		expect(history).toEqual([
			'loop.created',
			'loop.panel_added',
			'loop.panel_added',
			'loop.panel_added',
			'loop.panel_added',
			'loop.rescheduled',
			'loop.panel_removed'
		]);
	});

	it('refuses a deactivated interviewer, a duplicate loop and a closed opening, saving nothing', async () => {
		const { db, admin, recruiter, priya, sam, manager, openingId, candidateId } = await setting();
		await deactivateUser(db, admin, sam.id);
		const error = await createLoop(db, recruiter, {
			candidateId,
			openingId,
			panel: [{ round: 0, interviewerIds: [priya.id, sam.id], scheduledAt: t0 }]
		}).catch((e) => e);
		expect(error).toBeInstanceOf(InputError);
		expect(error.fieldErrors).toEqual({
			'panel.0.interviewerIds': 'Sam is deactivated and cannot interview'
		});
		expect(await db.selectFrom('loop').select('id').execute()).toHaveLength(0);

		await createLoop(db, recruiter, { candidateId, openingId, panel: [] });
		await expect(createLoop(db, recruiter, { candidateId, openingId, panel: [] })).rejects.toThrow(
			/already has a loop/
		);

		const closed = await newOpening(db, [manager], { status: 'closed' });
		await expect(createLoop(db, recruiter, { candidateId, openingId: closed, panel: [] })).rejects.toThrow(
			/closed/
		);
	});
});

describe('who may run loops', () => {
	it('a hiring manager runs the loops of their own openings only; an interviewer none', async () => {
		const { db, manager, priya, openingId, candidateId } = await setting();
		const { loopId } = await createLoop(db, manager, {
			candidateId,
			openingId,
			panel: [{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 }]
		});
		expect((await getLoop(db, manager, loopId)).candidateName).toBe('Ada Candidate');
		await expect(getLoop(db, priya, loopId)).rejects.toBeInstanceOf(ForbiddenError);

		const otherManager = await newUser(db);
		const otherOpening = await newOpening(db, [otherManager]);
		const otherCandidate = await newCandidate(db, [otherOpening]);
		await expect(
			createLoop(db, manager, { candidateId: otherCandidate, openingId: otherOpening, panel: [] })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getLoop(db, manager, 999)).rejects.toBeInstanceOf(NotFoundError);
		expect(await listLoops(db, otherManager, { candidateId })).toEqual([]);
	});
});

describe('the user picker', () => {
	it('gives hiring staff names and emails, a hiring manager names only, and an interviewer nothing', async () => {
		const { db, recruiter, manager, priya } = await setting();
		const forStaff = await listActiveUsers(db, recruiter);
		expect(forStaff.find((p) => p.id === priya.id)).toEqual({
			id: priya.id,
			name: 'Priya',
			email: priya.email
		});
		const forManager = await listActiveUsers(db, manager);
		expect(forManager.find((p) => p.id === priya.id)).toEqual({ id: priya.id, name: 'Priya' });
		expect(forManager.every((p) => Object.keys(p).join() === 'id,name')).toBe(true);
		await expect(listActiveUsers(db, priya)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('my interviews', () => {
	it('lists upcoming and past interviews with the scorecard state; overdue 24 hours after the end', async () => {
		const { db, recruiter, priya, openingId, candidateId } = await setting();
		const { scorecards } = await createLoop(db, recruiter, {
			candidateId,
			openingId,
			panel: [
				{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 },
				{ round: 3, interviewerIds: [priya.id], scheduledAt: t0 + 72 * hour }
			]
		});
		const mine = await listMyInterviews(db, priya, t0 + 26 * hour);
		expect(mine.upcoming.map((i) => i.scorecardId)).toEqual([scorecards[1]!.id]);
		expect(mine.past).toMatchObject([
			{ scorecardId: scorecards[0]!.id, candidateName: 'Ada Candidate', status: 'not_started', overdue: true }
		]);
		expect((await listMyInterviews(db, recruiter, t0)).upcoming).toEqual([]);
		await expect(getInterviewKit(db, recruiter, scorecards[0]!.id)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('warns when an interviewer is double-booked', async () => {
		const { db, recruiter, manager, priya, openingId, candidateId } = await setting();
		const other = await newCandidate(db, [openingId]);
		const first = await createLoop(db, recruiter, {
			candidateId,
			openingId,
			panel: [{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 }]
		});
		const second = await createLoop(db, recruiter, {
			candidateId: other,
			openingId,
			panel: [{ round: 1, interviewerIds: [priya.id], scheduledAt: t0 + 30 * 60_000 }]
		});
		const clash = await getLoop(db, recruiter, second.loopId);
		expect(clash.doubleBookings).toEqual([
			{
				scorecardId: second.scorecards[0]!.id,
				otherScorecardId: first.scorecards[0]!.id,
				interviewerName: 'Priya',
				otherStart: t0,
				otherEnd: t0 + hour
			}
		]);
		expect((await getLoop(db, manager, first.loopId)).doubleBookings).toHaveLength(1);
		const third = await createLoop(db, recruiter, {
			candidateId: await newCandidate(db, [openingId]),
			openingId,
			panel: [{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 + 2 * hour }]
		});
		expect((await getLoop(db, recruiter, third.loopId)).doubleBookings).toEqual([]);
	});

	it('names each clash once when one interviewer sits on several rounds of a loop at the same time', async () => {
		const { db, recruiter, priya, openingId, candidateId } = await setting();
		const loop = await createLoop(db, recruiter, {
			candidateId,
			openingId,
			panel: [0, 1, 2].map((round) => ({ round, interviewerIds: [priya.id], scheduledAt: t0 }))
		});
		const [a, b, c] = loop.scorecards.map((s) => s.id);
		const pairs = (await getLoop(db, recruiter, loop.loopId)).doubleBookings.map((clash) => [
			clash.scorecardId,
			clash.otherScorecardId
		]);
		expect(pairs.sort()).toEqual([
			[a, b],
			[a, c],
			[b, c]
		]);
	});
});
