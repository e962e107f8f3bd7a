import { describe, expect, it } from 'vitest';
import type { ScorecardDocument } from '../../../src/lib/domain/scorecard';
import { hour } from '../../../src/lib/domain/time';
import { listAuditTrail } from '../../../src/lib/server/platform/audit';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { getComparison } from '../../../src/lib/server/evaluation/comparison';
import type { DB } from '../../../src/lib/server/platform/db';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { getLoop } from '../../../src/lib/server/hiring/loop-detail';
import { listLoops } from '../../../src/lib/server/hiring/loop-summaries';
import { amendScorecard } from '../../../src/lib/server/evaluation/scorecards';
import { freshDb } from '../helpers/db';
import { newCandidate, newOpening, newUser, submitAs } from '../../support/seed';

// "Nobody sees a colleague's feedback on a loop before their own scorecard is in" has no
// exception for staff: the decision and the audit trail are feedback too, for an admin, a
// recruiter and a hiring manager who sit on the panel, in both visibility modes.

const t0 = Date.UTC(2026, 10, 24, 9);
const rationale = 'Clear, careful coding; owned the trade-offs.';
const dissent = 'Sam wanted a second design round.';
const amendedSummary = 'Amended: stronger than I first wrote.';

type Viewer = 'admin' | 'recruiter' | 'hiring manager';

/**
 * A decided loop with the viewer on its panel, scorecard not yet in: Priya has submitted and
 * amended hers, Rita (a recruiter off the panel) recorded the decision, and Sam (third
 * panelist) has not submitted. Strict mode comes from the Engineering Manager template.
 */
async function decidedLoop(viewerKind: Viewer, strict: boolean) {
	const db = freshDb();
	const rita = await newUser(db, { role: 'recruiter', name: 'Rita' });
	const viewer = await newUser(db, {
		role: viewerKind === 'hiring manager' ? 'interviewer' : viewerKind,
		name: 'Viewer'
	});
	const priya = await newUser(db, { name: 'Priya' });
	const sam = await newUser(db, { name: 'Sam' });
	const manager = viewerKind === 'hiring manager' ? viewer : await newUser(db, { name: 'Morgan' });
	const openingId = await newOpening(db, [manager], {
		templateName: strict ? 'Engineering Manager' : 'Senior Software Engineer'
	});
	const candidateId = await newCandidate(db, [openingId], 'Ada');
	const { loopId, scorecards } = await createLoop(db, rita, {
		candidateId,
		openingId,
		panel: [
			{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 },
			{ round: 1, interviewerIds: [viewer.id], scheduledAt: t0 + hour },
			{ round: 2, interviewerIds: [sam.id], scheduledAt: t0 + 2 * hour }
		]
	});
	const [priyaCard, viewerCard, samCard] = scorecards.map((s) => s.id) as [number, number, number];
	const submitted = await submitAs(db, priya, priyaCard, { rating: 4, now: t0 + 3 * hour });
	await amendScorecard(db, priya, priyaCard, {
		reason: 'Reread my notes',
		document: { ...submitted, summary: amendedSummary } satisfies ScorecardDocument,
		baseVersion: 2
	});
	await recordDecision(db, rita, loopId, {
		outcome: 'hire',
		rationale,
		dissent,
		attendeeIds: [rita.id, priya.id],
		changeReason: ''
	});
	return { db, viewer, sam, openingId, candidateId, loopId, viewerCard, samCard };
}

/** Everything each feature function hands the viewer about the loop, as the server would send it. */
async function whatViewerGets(
	db: DB,
	viewer: AuthUser,
	loop: { loopId: number; openingId: number; candidateId: number }
) {
	const detail = await getLoop(db, viewer, loop.loopId);
	const byCandidate = await listLoops(db, viewer, { candidateId: loop.candidateId });
	const byOpening = await listLoops(db, viewer, { openingId: loop.openingId });
	const comparison = await getComparison(db, viewer, loop.openingId);
	const audit = viewer.role === 'admin' ? await listAuditTrail(db, viewer, { page: 1 }) : null;
	return { detail, byCandidate, byOpening, comparison, audit };
}

function expectHidden(
	got: Awaited<ReturnType<typeof whatViewerGets>>,
	reason: 'own_pending' | 'panel_pending'
) {
	// The status says a decision exists (workflow); what it is stays hidden.
	expect(got.detail.status).toBe('decided');
	expect(got.detail.outcome).toBeNull();
	expect(got.detail.feedback).toEqual({ visible: false, reason, onPanel: true });
	const decided = got.detail.history.find((e) => e.action === 'loop.decided')!;
	expect(decided).toMatchObject({ before: null, after: null, hidden: reason });
	expect(got.byCandidate.map((l) => l.outcome)).toEqual([null]);
	expect(got.byOpening.map((l) => l.outcome)).toEqual([null]);
	expect(got.comparison.rows[0]).toMatchObject({ outcome: null, visible: false, hiddenReason: reason });
	if (got.audit) {
		const decision = got.audit.events.find((e) => e.action === 'loop.decided')!;
		const amendment = got.audit.events.find((e) => e.action === 'scorecard.amended')!;
		expect(decision).toMatchObject({ before: null, after: null, hidden: reason });
		expect(amendment).toMatchObject({ before: null, after: null, hidden: reason });
		// Nothing to hide in an entry without content: it stays as it is.
		expect(got.audit.events.find((e) => e.action === 'scorecard.submitted')).toMatchObject({ hidden: null });
	}
	const sent = JSON.stringify(got);
	expect(sent).not.toContain(rationale);
	expect(sent).not.toContain(dissent);
	expect(sent).not.toContain(amendedSummary);
	expect(sent).not.toContain('"hire"');
}

function expectVisible(got: Awaited<ReturnType<typeof whatViewerGets>>) {
	expect(got.detail.outcome).toBe('hire');
	expect(got.detail.feedback.visible).toBe(true);
	expect(got.detail.history.find((e) => e.action === 'loop.decided')).toMatchObject({
		after: { outcome: 'hire', rationale, dissent },
		hidden: null
	});
	expect(got.byCandidate.map((l) => l.outcome)).toEqual(['hire']);
	expect(got.comparison.rows[0]).toMatchObject({ outcome: 'hire', visible: true, hiddenReason: null });
	if (got.audit) {
		expect(got.audit.events.find((e) => e.action === 'loop.decided')!.after).toContain(rationale);
		expect(got.audit.events.find((e) => e.action === 'scorecard.amended')!.after).toContain(amendedSummary);
	}
}

describe.each<Viewer>(['admin', 'recruiter', 'hiring manager'])('a pending panelist who is a %s', (kind) => {
	it('gets no decision, no rationale and no amended scorecard until their own scorecard is in', async () => {
		const loop = await decidedLoop(kind, false);
		expectHidden(await whatViewerGets(loop.db, loop.viewer, loop), 'own_pending');
		await submitAs(loop.db, loop.viewer, loop.viewerCard);
		expectVisible(await whatViewerGets(loop.db, loop.viewer, loop));
	});

	it('in strict mode, gets them only once the whole panel is in', async () => {
		const loop = await decidedLoop(kind, true);
		expectHidden(await whatViewerGets(loop.db, loop.viewer, loop), 'own_pending');
		await submitAs(loop.db, loop.viewer, loop.viewerCard);
		expectHidden(await whatViewerGets(loop.db, loop.viewer, loop), 'panel_pending');
		await submitAs(loop.db, loop.sam, loop.samCard);
		expectVisible(await whatViewerGets(loop.db, loop.viewer, loop));
	});
});

describe('the audit trail for an admin off the panel', () => {
	it('shows the decision and the amendment with their before and after', async () => {
		const loop = await decidedLoop('recruiter', true);
		const admin = await newUser(loop.db, { role: 'admin' });
		const trail = await listAuditTrail(loop.db, admin, { page: 1 });
		expect(trail.events.find((e) => e.action === 'loop.decided')).toMatchObject({ hidden: null });
		expect(trail.events.find((e) => e.action === 'scorecard.amended')!.before).toContain('Summary by Priya');
	});
});
