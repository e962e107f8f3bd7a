import { describe, expect, it } from 'vitest';
import type { ScorecardDocument } from '../../../src/lib/domain/scorecard';
import { hour } from '../../../src/lib/domain/time';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import {
	ConflictError,
	ForbiddenError,
	IncompleteError,
	InputError,
	NotFoundError,
	VersionConflictError
} from '../../../src/lib/server/platform/errors';
import { feedbackAccess } from '../../../src/lib/server/access/feedback-access';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import {
	amendScorecard,
	saveScorecard,
	submitScorecard
} from '../../../src/lib/server/evaluation/scorecards';
import { getScorecard, listSubmissions } from '../../../src/lib/server/evaluation/scorecard-reads';
import { freshDb } from '../helpers/db';
import { completeDocument, focusCompetencyIds, newCandidate, newOpening, newUser } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 24, 9);

async function setting({ strict = false } = {}) {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db, { name: 'Morgan' });
	const priya = await newUser(db, { name: 'Priya' });
	const sam = await newUser(db, { name: 'Sam' });
	const outsider = await newUser(db, { name: 'Outsider' });
	const openingId = await newOpening(db, [manager], {
		templateName: strict ? 'Engineering Manager' : 'Senior Software Engineer'
	});
	const candidateId = await newCandidate(db, [openingId]);
	const loop = await createLoop(db, recruiter, {
		candidateId,
		openingId,
		panel: [
			{ round: 0, interviewerIds: [priya.id], scheduledAt: t0 },
			{ round: 1, interviewerIds: [sam.id, manager.id], scheduledAt: t0 + 2 * hour }
		]
	});
	const [priyaCard, samCard, managerCard] = loop.scorecards.map((s) => s.id) as [number, number, number];
	const competencies = (scorecardId: number) => focusCompetencyIds(db, scorecardId);
	/** A complete document for the scorecard's round. */
	const complete = (scorecardId: number, rating: 1 | 2 | 3 | 4 = 3) =>
		completeDocument(db, scorecardId, { rating, recommendation: 3 });
	return {
		db,
		recruiter,
		manager,
		priya,
		sam,
		outsider,
		loopId: loop.loopId,
		priyaCard,
		samCard,
		managerCard,
		complete,
		competencies
	};
}

describe('autosave', () => {
	it('saves against the version it was based on, and refuses the older of two concurrent saves', async () => {
		const { db, priya, priyaCard } = await setting();
		const first = { ...(await getScorecard(db, priya, priyaCard)).document, summary: 'From the laptop' };
		const second = { ...first, summary: 'From the tablet' };
		const results = await Promise.allSettled([
			saveScorecard(db, priya, priyaCard, 0, first),
			saveScorecard(db, priya, priyaCard, 0, second)
		]);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r) => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(1);
		const conflict = (lost[0] as PromiseRejectedResult).reason as VersionConflictError;
		expect(conflict).toBeInstanceOf(VersionConflictError);
		expect(conflict.currentVersion).toBe(1);
		const saved = await getScorecard(db, priya, priyaCard);
		expect(saved.version).toBe(1);
		// Nothing was overwritten: what is saved is the winner's, and the loser learns what it is.
		expect((conflict.current as ScorecardDocument).summary).toBe(saved.document.summary);
		expect(saved.status).toBe('draft');
		expect(saved.startedAt).not.toBeNull();
	});

	it('accepts twenty saves in a row, each on the last, and counts the versions', async () => {
		const { db, priya, priyaCard } = await setting();
		let version = 0;
		for (let i = 0; i < 20; i++) {
			({ version } = await saveScorecard(db, priya, priyaCard, version, {
				recommendation: null,
				summary: 'x'.repeat(i),
				freeNotes: '',
				ratings: [],
				notes: []
			}));
		}
		expect(version).toBe(20);
		expect((await getScorecard(db, priya, priyaCard)).document.summary).toBe('x'.repeat(19));
	});

	it('refuses ratings of competencies and notes of questions that are not in the round', async () => {
		const { db, priya, priyaCard, samCard, competencies } = await setting();
		const priyas = await competencies(priyaCard);
		const samsCompetency = (await competencies(samCard)).find((id) => !priyas.includes(id))!;
		const error = await saveScorecard(db, priya, priyaCard, 0, {
			recommendation: null,
			summary: '',
			freeNotes: '',
			ratings: [{ competencyId: samsCompetency, rating: 3, notAssessedReason: null, evidence: '' }],
			notes: [{ questionId: 99999, field: 'approach', text: 'x' }]
		}).catch((e) => e);
		expect(error).toBeInstanceOf(InputError);
		expect(error.fieldErrors).toEqual({
			'ratings.0.competencyId': 'This competency is not rated in this round',
			'notes.0.questionId': 'This question is not in this round'
		});
		expect((await getScorecard(db, priya, priyaCard)).version).toBe(0);
	});

	it('is the owner’s alone', async () => {
		const { db, sam, priyaCard } = await setting();
		await expect(
			saveScorecard(db, sam, priyaCard, 0, {
				recommendation: null,
				summary: 'mine now',
				freeNotes: '',
				ratings: [],
				notes: []
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			saveScorecard(db, sam, 424242, 0, {
				recommendation: null,
				summary: '',
				freeNotes: '',
				ratings: [],
				notes: []
			})
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('submitting', () => {
	it('lists every gap: unrated, not assessed without reason, rating without evidence, no recommendation', async () => {
		const { db, priya, priyaCard, competencies } = await setting();
		const [a, b] = await competencies(priyaCard);
		await saveScorecard(db, priya, priyaCard, 0, {
			recommendation: null,
			summary: '',
			freeNotes: '',
			ratings: [
				{ competencyId: a!, rating: 3, notAssessedReason: null, evidence: '  ' },
				{ competencyId: b!, rating: null, notAssessedReason: '', evidence: '' }
			],
			notes: []
		});
		const error = await submitScorecard(db, priya, priyaCard).catch((e) => e);
		expect(error).toBeInstanceOf(IncompleteError);
		expect(error.issues.map((i: { path: string }) => i.path)).toEqual([
			`evidence.${a}`,
			`reason.${b}`,
			'recommendation'
		]);
		expect((await getScorecard(db, priya, priyaCard)).status).toBe('draft');
	});

	it('makes the scorecard read-only, records the time and lateness, and writes the rating rows', async () => {
		const { db, priya, priyaCard, complete } = await setting();
		await saveScorecard(db, priya, priyaCard, 0, await complete(priyaCard));
		await submitScorecard(db, priya, priyaCard, t0 + 30 * hour);
		const card = await getScorecard(db, priya, priyaCard);
		expect(card).toMatchObject({ status: 'submitted', submittedAt: t0 + 30 * hour, late: true });
		await expect(saveScorecard(db, priya, priyaCard, card.version, card.document)).rejects.toThrow(
			/amend it with a reason/
		);
		const rows = await db
			.selectFrom('scorecardRating')
			.selectAll()
			.where('scorecardId', '=', priyaCard)
			.execute();
		expect(rows.map((r) => r.rating)).toEqual([3, 3]);
	});

	it('an amendment needs a reason, keeps the original and is audited', async () => {
		const { db, priya, priyaCard, complete } = await setting();
		await saveScorecard(db, priya, priyaCard, 0, await complete(priyaCard));
		const { version } = await submitScorecard(db, priya, priyaCard, t0 + hour);
		const changed = await complete(priyaCard, 4);
		await expect(
			amendScorecard(db, priya, priyaCard, { reason: ' ', document: changed, baseVersion: version })
		).rejects.toBeInstanceOf(InputError);
		await amendScorecard(
			db,
			priya,
			priyaCard,
			{ reason: 'Mixed up two candidates’ notes', document: changed, baseVersion: version },
			t0 + 2 * hour
		);

		const card = await getScorecard(db, priya, priyaCard);
		expect(card.amendedAt).toBe(t0 + 2 * hour);
		expect(card.document.ratings.map((r) => r.rating)).toEqual([4, 4]);
		const history = await listSubmissions(db, priya, priyaCard);
		expect(history.map((h) => h.reason)).toEqual([null, 'Mixed up two candidates’ notes']);
		expect(history[0]!.document.ratings.map((r) => r.rating)).toEqual([3, 3]);
		const events = await listAuditEvents(db, 'scorecard', priyaCard);
		expect(events.map((e) => e.action)).toEqual(['scorecard.submitted', 'scorecard.amended']);
		expect(JSON.parse(events[1]!.after!).reason).toBe('Mixed up two candidates’ notes');
		const rows = await db
			.selectFrom('scorecardRating')
			.select(['rating', 'submittedAt'])
			.where('scorecardId', '=', priyaCard)
			.execute();
		expect(rows).toEqual([
			{ rating: 4, submittedAt: t0 + hour },
			{ rating: 4, submittedAt: t0 + hour }
		]);
		await expect(
			amendScorecard(db, priya, priyaCard, { reason: 'again', document: changed, baseVersion: version })
		).rejects.toBeInstanceOf(VersionConflictError);
	});

	it('cannot submit twice', async () => {
		const { db, priya, priyaCard, complete } = await setting();
		await saveScorecard(db, priya, priyaCard, 0, await complete(priyaCard));
		await submitScorecard(db, priya, priyaCard);
		await expect(submitScorecard(db, priya, priyaCard)).rejects.toBeInstanceOf(ConflictError);
	});
});

describe('independence', () => {
	it('hides colleagues’ feedback from a panelist until their own is in, hiring manager or not', async () => {
		const {
			db,
			priya,
			sam,
			manager,
			recruiter,
			outsider,
			loopId,
			priyaCard,
			samCard,
			managerCard,
			complete
		} = await setting();
		await saveScorecard(db, priya, priyaCard, 0, await complete(priyaCard));
		await submitScorecard(db, priya, priyaCard);

		expect(await feedbackAccess(db, sam, loopId)).toEqual({
			visible: false,
			reason: 'own_pending',
			onPanel: true
		});
		await expect(getScorecard(db, sam, priyaCard)).rejects.toBeInstanceOf(ForbiddenError);
		// The hiring manager is on this panel: the panelist rule applies to them too.
		await expect(getScorecard(db, manager, priyaCard)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getScorecard(db, outsider, priyaCard)).rejects.toBeInstanceOf(ForbiddenError);
		// A recruiter off the panel sees submitted feedback, never a draft.
		expect((await getScorecard(db, recruiter, priyaCard)).document.summary).toBe('Solid.');
		await expect(getScorecard(db, recruiter, samCard)).rejects.toBeInstanceOf(NotFoundError);
		// Priya's own is in: she sees the others' once they are submitted.
		expect(await feedbackAccess(db, priya, loopId)).toEqual({ visible: true, onPanel: true });
		await saveScorecard(db, sam, samCard, 0, await complete(samCard));
		await submitScorecard(db, sam, samCard);
		expect((await getScorecard(db, priya, samCard)).status).toBe('submitted');
		await expect(getScorecard(db, priya, managerCard)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('in strict mode keeps everything hidden until the whole panel has submitted', async () => {
		const { db, priya, sam, manager, loopId, priyaCard, samCard, managerCard, complete } = await setting({
			strict: true
		});
		for (const [who, card] of [
			[priya, priyaCard],
			[sam, samCard]
		] as const) {
			await saveScorecard(db, who, card, 0, await complete(card));
			await submitScorecard(db, who, card);
		}
		expect(await feedbackAccess(db, priya, loopId)).toEqual({
			visible: false,
			reason: 'panel_pending',
			onPanel: true
		});
		await expect(getScorecard(db, priya, samCard)).rejects.toThrow(/whole panel/);
		await saveScorecard(db, manager, managerCard, 0, await complete(managerCard));
		await submitScorecard(db, manager, managerCard);
		expect((await getScorecard(db, priya, samCard)).status).toBe('submitted');
	});
});
