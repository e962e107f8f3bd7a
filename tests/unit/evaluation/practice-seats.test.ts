import { describe, expect, it } from 'vitest';
import { day, hour } from '../../../src/lib/domain/time';
import { getCalibration } from '../../../src/lib/server/calibration/calibration';
import { getComparison } from '../../../src/lib/server/evaluation/comparison';
import { getDebrief, recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { listPracticeScorecards } from '../../../src/lib/server/evaluation/practice-scorecards';
import { exportLoopResults, getLoopResults } from '../../../src/lib/server/evaluation/results';
import { getScorecard } from '../../../src/lib/server/evaluation/scorecard-reads';
import { getLoop } from '../../../src/lib/server/hiring/loop-detail';
import { getInterviewKit } from '../../../src/lib/server/hiring/interviews';
import { listLoops } from '../../../src/lib/server/hiring/loop-summaries';
import { addToPanel } from '../../../src/lib/server/hiring/panel';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { canManageHiring } from '../../../src/lib/server/access/permissions';
import type { DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newLoop, newUser, submitAs } from '../../support/seed';

// Practice seats (decision 030): a shadow's or reverse shadow's scorecard never counts, and
// the independence rule holds for the trainee as for any panelist.

const t0 = Date.UTC(2026, 9, 5, 9);
const now = t0 + 10 * day;

/** One panelist on each of the five rounds (all submitted, unless said); Tia and Rex are trainees. */
async function setting({ size = 5, panelSubmits = true } = {}) {
	const db = freshDb();
	const loop = await newLoop(db, { size, at: t0 });
	const p0 = loop.panel[0]!;
	const tia = await newUser(db, { name: 'Tia' });
	const rex = await newUser(db, { name: 'Rex' });
	const seat = (who: AuthUser, round: number, role: 'shadow' | 'reverse_shadow') =>
		addToPanel(
			db,
			loop.recruiter,
			loop.loopId,
			{ roundId: loop.rounds[round]!.id, interviewerIds: [who.id], scheduledAt: t0 + round * hour, role },
			t0 - day
		).then(([id]) => id!);
	if (panelSubmits) {
		for (const [i, who] of loop.panel.entries()) {
			const rating = ([3, 4, 2, 3, 4] as const)[i]!;
			await submitAs(db, who, loop.scorecards[i]!.id, { rating, now: t0 + (i + 2) * hour });
		}
	}
	return { db, ...loop, p0, tia, rex, seat };
}

/** Everything a hiring manager, a recruiter or a file could read off the loop. */
async function figures(db: DB, recruiter: AuthUser, loopId: number, openingId: number) {
	const results = await getLoopResults(db, recruiter, loopId, {}, now);
	const exported = JSON.parse(await exportOrganisation(db, now)) as {
		loops: { updatedAt: string; panel: { seatRole?: string }[] }[];
	};
	return {
		results,
		csvResults: await exportLoopResults(db, recruiter, loopId),
		comparison: await getComparison(db, recruiter, openingId, {}, now),
		calibration: await getCalibration(db, recruiter, { from: t0 - 30 * day, to: t0 + 30 * day }),
		directCalibration: await getCalibration(
			db,
			recruiter,
			{ from: t0 - 30 * day, to: t0 + 30 * day },
			{ months: false }
		),
		loops: await listLoops(db, recruiter, { openingId }, now),
		// Seating a trainee is a change to the loop, so its updatedAt moves; nothing else may.
		// The organisation export carries practice cards marked with their role (so a move
		// keeps a trainee's progress): the panel's own cards in it are the same.
		exportedLoops: exported.loops.map((l) => ({
			...l,
			updatedAt: null,
			panel: l.panel.filter((card) => card.seatRole === undefined)
		}))
	};
}

describe('practice scorecards never count', () => {
	it('results, comparison, calibration, the loop’s status and exports are identical with and without them', async () => {
		const { db, recruiter, loopId, openingId, tia, rex, seat } = await setting();
		const before = await figures(db, recruiter, loopId, openingId);
		expect(before.results.status).toBe('ready_for_debrief');

		const tiaCard = await seat(tia, 0, 'shadow');
		const rexCard = await seat(rex, 1, 'reverse_shadow');
		expect(await figures(db, recruiter, loopId, openingId)).toEqual(before);

		// Extreme practice cards: every rating and recommendation at the far end of the scale.
		await submitAs(db, tia, tiaCard, { rating: 1, recommendation: 1, now: t0 + 4 * hour });
		await submitAs(db, rex, rexCard, { rating: 1, recommendation: 1, now: t0 + 40 * hour });
		expect(await figures(db, recruiter, loopId, openingId)).toEqual(before);
	});

	it('a practice seat alone does not staff a round, and is not counted among the cards in', async () => {
		const { db, recruiter, loopId, tia, seat } = await setting({ size: 4 });
		const card = await seat(tia, 4, 'shadow');
		await submitAs(db, tia, card, { now: t0 + 6 * hour });
		const loop = await getLoop(db, recruiter, loopId, now);
		expect(loop.submitted).toBe(4);
		expect(loop.rounds[4]!.panel.map((p) => [p.interviewerName, p.role])).toEqual([['Tia', 'shadow']]);
		expect(loop.status).toBe('draft');
	});
});

describe('a practice seat and the independence rule', () => {
	const decide = (db: DB, by: AuthUser, loopId: number) =>
		recordDecision(
			db,
			by,
			loopId,
			{ outcome: 'hire', rationale: 'Strong panel', dissent: '', attendeeIds: [by.id], changeReason: '' },
			now
		);

	it('the trainee sees nothing before their own card, nor the panel’s before the decision; then both side by side', async () => {
		const { db, recruiter, loopId, scorecards, tia, seat } = await setting();
		const card = await seat(tia, 0, 'shadow');
		const panelCard = scorecards[0]!.id;
		await expect(getLoopResults(db, tia, loopId)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getScorecard(db, tia, panelCard)).rejects.toBeInstanceOf(ForbiddenError);

		await submitAs(db, tia, card, { rating: 2, now: t0 + 4 * hour });
		await expect(getLoopResults(db, tia, loopId)).rejects.toThrow(/once the loop is decided/);
		await expect(getScorecard(db, tia, panelCard)).rejects.toBeInstanceOf(ForbiddenError);

		await decide(db, recruiter, loopId);
		expect((await getLoopResults(db, tia, loopId, {}, now)).scorecards).toHaveLength(5);
		expect((await getScorecard(db, tia, panelCard)).document.summary).toMatch(/Summary by Panelist 0/);
		const practice = await listPracticeScorecards(db, tia, loopId, now);
		expect(practice.map((p) => [p.interviewerName, p.role, p.document?.ratings[0]?.rating])).toEqual([
			['Tia', 'shadow', 2]
		]);
	});

	it('recruiters read practice cards once the loop is decided; panelists never do', async () => {
		const { db, recruiter, loopId, p0, tia, seat } = await setting();
		const card = await seat(tia, 0, 'shadow');
		await submitAs(db, tia, card, { now: t0 + 4 * hour });
		expect(await listPracticeScorecards(db, recruiter, loopId, now)).toEqual([]);
		await expect(getScorecard(db, recruiter, card)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getScorecard(db, p0, card)).rejects.toBeInstanceOf(ForbiddenError);

		await decide(db, recruiter, loopId);
		expect((await listPracticeScorecards(db, recruiter, loopId, now)).map((p) => p.interviewerName)).toEqual([
			'Tia'
		]);
		expect((await getScorecard(db, recruiter, card)).interviewerId).toBe(tia.id);
		expect(await listPracticeScorecards(db, p0, loopId, now)).toEqual([]);
		await expect(getScorecard(db, p0, card)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('in strict mode a trainee’s missing card does not hold the panel’s feedback back', async () => {
		const { db, loopId, p0, tia, seat } = await setting();
		await db.updateTable('loop').set({ visibilityMode: 'after_all' }).where('id', '=', loopId).execute();
		await seat(tia, 0, 'shadow');
		expect((await getLoopResults(db, p0, loopId, {}, now)).scorecards).toHaveLength(5);
	});
});

// The loop page and its JSON (getLoop), the kit page, results, the practice cards beside them,
// a single card, comparison and debrief, for someone the rule still holds back, in both modes.
describe.each([
	{ mode: 'after own', strict: false },
	{ mode: 'strict', strict: true }
])('in $mode mode, practice cards and the independence rule', ({ strict }) => {
	const decide = (db: DB, by: AuthUser, loopId: number) =>
		recordDecision(
			db,
			by,
			loopId,
			{ outcome: 'hire', rationale: 'Strong panel', dissent: '', attendeeIds: [by.id], changeReason: '' },
			now
		);
	const tiaSummary = 'Tia practised the trade-offs';

	/** What the viewer's pages and API answers carry about the loop, with what they were refused. */
	async function whatViewerGets(
		db: DB,
		viewer: AuthUser,
		{ loopId, openingId, ownCard }: { loopId: number; openingId: number; ownCard: number },
		cards: number[]
	) {
		const refused = <T>(p: Promise<T>): Promise<T | 'refused'> =>
			p.then(
				(value) => value,
				(e: unknown) => (e instanceof ForbiddenError ? ('refused' as const) : Promise.reject(e))
			);
		// The loop page is for those who run the opening; everyone has their own kit page.
		const loop = canManageHiring(viewer) ? await getLoop(db, viewer, loopId, now) : null;
		const kit = await getInterviewKit(db, viewer, ownCard);
		return {
			outcome: loop?.outcome ?? null,
			feedback: loop?.feedback ?? null,
			kitFeedbackVisible: kit.feedbackVisible,
			results: await refused(getLoopResults(db, viewer, loopId, {}, now)),
			practice: await refused(listPracticeScorecards(db, viewer, loopId, now)),
			cards: await Promise.all(cards.map((id) => refused(getScorecard(db, viewer, id)))),
			comparison: canManageHiring(viewer) ? await getComparison(db, viewer, openingId, {}, now) : null,
			debrief: canManageHiring(viewer) ? await refused(getDebrief(db, viewer, loopId, now)) : null
		};
	}

	function expectHidden(got: Awaited<ReturnType<typeof whatViewerGets>>, reason: string) {
		expect(got.outcome).toBeNull();
		if (got.feedback) expect(got.feedback).toMatchObject({ visible: false, reason });
		expect(got.kitFeedbackVisible).toBe(false);
		expect(got.results).toBe('refused');
		expect(got.practice).toBe('refused');
		expect(got.cards.every((c) => c === 'refused')).toBe(true);
		if (got.comparison)
			expect(got.comparison.rows[0]).toMatchObject({ visible: false, hiddenReason: reason });
		if (got.debrief) expect(got.debrief).toBe('refused');
		expect(JSON.stringify(got)).not.toMatch(/Summary by|Evidence by|Strong panel|practised/);
	}

	it('a recruiter on the panel with their card to come reads no practice card and nothing of the panel’s', async () => {
		const { db, recruiter, loopId, openingId, rounds, scorecards, tia, seat } = await setting();
		if (strict)
			await db.updateTable('loop').set({ visibilityMode: 'after_all' }).where('id', '=', loopId).execute();
		const rita = await newUser(db, { role: 'recruiter', name: 'Rita' });
		const sam = await newUser(db, { name: 'Sam' });
		const seatAs = (who: AuthUser, round: number) =>
			addToPanel(
				db,
				recruiter,
				loopId,
				{ roundId: rounds[round]!.id, interviewerIds: [who.id], scheduledAt: t0, role: 'interviewer' },
				t0 - day
			).then(([id]) => id!);
		const ritaCard = await seatAs(rita, 0);
		const samCard = await seatAs(sam, 1);
		const tiaCard = await seat(tia, 0, 'reverse_shadow');
		await submitAs(db, tia, tiaCard, { summary: tiaSummary, rating: 1, now: t0 + 8 * hour });
		await decide(db, recruiter, loopId);
		const cards = [tiaCard, scorecards[0]!.id];

		expectHidden(
			await whatViewerGets(db, rita, { loopId, openingId, ownCard: ritaCard }, cards),
			'own_pending'
		);
		await submitAs(db, rita, ritaCard, { now: t0 + 9 * hour });
		if (strict) {
			expectHidden(
				await whatViewerGets(db, rita, { loopId, openingId, ownCard: ritaCard }, cards),
				'panel_pending'
			);
			await submitAs(db, sam, samCard, { now: t0 + 9 * hour });
		}
		const got = await whatViewerGets(db, rita, { loopId, openingId, ownCard: ritaCard }, cards);
		expect(got).toMatchObject({ outcome: 'hire', kitFeedbackVisible: true });
		expect(got.practice).toEqual([
			expect.objectContaining({ interviewerName: 'Tia', role: 'reverse_shadow' })
		]);
		expect(got.cards.map((c) => (c === 'refused' ? c : c.document.summary))).toEqual([
			tiaSummary,
			'Summary by Panelist 0'
		]);
	});

	it('a trainee reads the panel’s feedback once their card is in and the loop decided, in strict mode once the panel is in', async () => {
		const { db, recruiter, loopId, openingId, scorecards, panel, tia, seat } = await setting({
			panelSubmits: false
		});
		if (strict)
			await db.updateTable('loop').set({ visibilityMode: 'after_all' }).where('id', '=', loopId).execute();
		for (const [i, who] of panel.slice(0, 4).entries())
			await submitAs(db, who, scorecards[i]!.id, { now: t0 + (i + 2) * hour });
		const tiaCard = await seat(tia, 0, 'shadow');
		const cards = [scorecards[0]!.id];

		expectHidden(
			await whatViewerGets(db, tia, { loopId, openingId, ownCard: tiaCard }, cards),
			'own_pending'
		);
		await submitAs(db, tia, tiaCard, { summary: tiaSummary, now: t0 + 8 * hour });
		expectHidden(
			await whatViewerGets(db, tia, { loopId, openingId, ownCard: tiaCard }, cards),
			'loop_undecided'
		);
		await decide(db, recruiter, loopId);
		if (strict) {
			expectHidden(
				await whatViewerGets(db, tia, { loopId, openingId, ownCard: tiaCard }, cards),
				'panel_pending'
			);
			await submitAs(db, panel[4]!, scorecards[4]!.id, { now: t0 + 9 * hour });
		}
		const got = await whatViewerGets(db, tia, { loopId, openingId, ownCard: tiaCard }, cards);
		expect(got.kitFeedbackVisible).toBe(true);
		expect(got.results).toMatchObject({ scorecards: expect.any(Array) });
		expect(got.practice).toEqual([expect.objectContaining({ interviewerName: 'Tia', role: 'shadow' })]);
		expect(got.cards.map((c) => (c === 'refused' ? c : c.document.summary))).toEqual([
			'Summary by Panelist 0'
		]);
	});
});
