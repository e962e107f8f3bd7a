import { describe, expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { recordDecision, saveDebriefNotes } from '../../../src/lib/server/evaluation/debriefs';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { updateCandidate } from '../../../src/lib/server/hiring/candidates';
import { databaseResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { uploadResume } from '../../../src/lib/server/hiring/resumes';
import { getSubjectAccessRecord } from '../../../src/lib/server/hiring/subject-access';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { amendAs, newCandidate, newOpening, newUser, submitAs } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 2, 9);

/** Every string inside a stored JSON text (or the text itself, when it is not JSON). */
function stringsIn(text: string | null): string[] {
	if (text === null) return [];
	const walk = (v: unknown): string[] =>
		typeof v === 'string'
			? [v]
			: Array.isArray(v)
				? v.flatMap(walk)
				: v && typeof v === 'object'
					? Object.values(v).flatMap(walk)
					: [];
	try {
		return walk(JSON.parse(text));
	} catch {
		return [text];
	}
}

/**
 * A candidate called `who` on their own opening with a decided two-person loop, and words
 * about them everywhere: notes, summaries, evidence, an amendment, debrief notes, a decision.
 */
async function candidateWithHistory(
	db: DB,
	who: string,
	recruiter: AuthUser,
	{ seat, strict = false }: { seat?: AuthUser; strict?: boolean } = {}
) {
	const manager = await newUser(db);
	const panelist = await newUser(db);
	const openingId = await newOpening(db, [manager], {
		templateName: strict ? 'Engineering Manager' : 'Senior Software Engineer'
	});
	const candidateId = await newCandidate(db, [openingId], who);
	await updateCandidate(db, recruiter, candidateId, {
		name: who,
		email: `${who.toLowerCase()}@mail.example`,
		notes: `${who} prefers mornings`,
		openingIds: [openingId]
	});
	const { loopId, scorecards } = await createLoop(db, recruiter, {
		candidateId,
		openingId,
		panel: [
			{ round: 0, interviewerIds: [panelist.id], scheduledAt: t0 },
			{ round: 1, interviewerIds: [(seat ?? (await newUser(db))).id], scheduledAt: t0 + hour },
			// With a seat for the viewer, a third panelist who has not submitted either.
			...(seat ? [{ round: 2, interviewerIds: [(await newUser(db)).id], scheduledAt: t0 + 2 * hour }] : [])
		]
	});
	await submitAs(db, panelist, scorecards[0]!.id, {
		summary: `${who} was calm under pressure`,
		now: t0 + 2 * hour
	});
	await amendAs(db, panelist, scorecards[0]!.id, `${who} was calm, and quick`);
	if (!seat) {
		const second = await db
			.selectFrom('scorecard')
			.innerJoin('user', 'user.id', 'scorecard.interviewerId')
			.select(['user.id', 'user.email', 'user.name', 'user.role'])
			.where('scorecard.id', '=', scorecards[1]!.id)
			.executeTakeFirstOrThrow();
		await submitAs(db, second, scorecards[1]!.id, {
			summary: `${who} asked sharp questions`,
			now: t0 + 3 * hour
		});
	}
	await saveDebriefNotes(db, recruiter, loopId, {
		notes: { overall: `${who} negotiates hard` },
		attendeeIds: [recruiter.id]
	});
	await recordDecision(db, recruiter, loopId, {
		outcome: 'hire',
		rationale: `${who} is the strongest`,
		dissent: `${who} lacks depth`,
		attendeeIds: [recruiter.id],
		changeReason: ''
	});
	return { candidateId, loopId, scorecards, panelist };
}

describe('subject access', () => {
	it('holds everything the database holds about the candidate and nothing about anyone else', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const ada = await candidateWithHistory(db, 'Adaline', recruiter);
		await candidateWithHistory(db, 'Bartholomew', recruiter);
		await uploadResume(
			db,
			recruiter,
			ada.candidateId,
			{ name: 'adaline.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nAdaline CV\n%%EOF\n') },
			{ store: databaseResumeStore, maxBytes: 10_000 }
		);

		const record = await getSubjectAccessRecord(db, recruiter, ada.candidateId, 'json', databaseResumeStore);
		const text = JSON.stringify(record);

		// Every text the database holds about Adaline, read straight from the tables.
		const scorecardIds = ada.scorecards.map((s) => s.id);
		const held = [
			...Object.values(
				await db
					.selectFrom('candidate')
					.select(['name', 'email', 'notes'])
					.where('id', '=', ada.candidateId)
					.executeTakeFirstOrThrow()
			),
			...(
				await db.selectFrom('scorecard').select('content').where('loopId', '=', ada.loopId).execute()
			).flatMap((r) => stringsIn(r.content)),
			...(
				await db
					.selectFrom('scorecardSubmission')
					.select(['content', 'reason'])
					.where('scorecardId', 'in', scorecardIds)
					.execute()
			).flatMap((r) => [...stringsIn(r.content), ...stringsIn(r.reason)]),
			...(await db.selectFrom('debrief').select('notes').where('loopId', '=', ada.loopId).execute()).flatMap(
				(r) => stringsIn(r.notes)
			),
			...(
				await db
					.selectFrom('loopDecision')
					.select(['rationale', 'dissent'])
					.where('loopId', '=', ada.loopId)
					.execute()
			).flatMap((r) => [r.rationale, r.dissent]),
			...(await listAuditEvents(db, 'loop', ada.loopId)).flatMap((e) => [
				...stringsIn(e.before),
				...stringsIn(e.after)
			])
		].filter((s) => s !== '');
		expect(held.length).toBeGreaterThan(10);
		for (const s of held) expect(text).toContain(JSON.stringify(s).slice(1, -1));
		expect(Buffer.from(record.resume!.pdfBase64, 'base64').toString()).toContain('Adaline CV');
		expect(record.loops[0]!.feedback).toMatchObject({ visible: true, outcome: 'hire' });

		expect(text).not.toContain('Bartholomew');
		expect(text).not.toContain('bartholomew@');
	});

	it('is for admins and recruiters only, and every request is in the audit trail', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const { candidateId, panelist } = await candidateWithHistory(db, 'Adaline', recruiter);
		const manager = await db
			.selectFrom('openingHiringManager')
			.innerJoin('user', 'user.id', 'openingHiringManager.userId')
			.select(['user.id', 'user.email', 'user.name', 'user.role'])
			.executeTakeFirstOrThrow();
		for (const who of [panelist, manager])
			await expect(
				getSubjectAccessRecord(db, who, candidateId, 'json', databaseResumeStore)
			).rejects.toBeInstanceOf(ForbiddenError);
		await getSubjectAccessRecord(db, recruiter, candidateId, 'html', databaseResumeStore, 7000);
		expect((await listAuditEvents(db, 'candidate', candidateId)).at(-1)).toMatchObject({
			action: 'candidate.subject_access',
			actorUserId: recruiter.id,
			at: 7000,
			after: JSON.stringify({ format: 'html' })
		});
	});

	describe.each(['admin', 'recruiter'] as const)('for a %s with a seat not yet submitted', (role) => {
		it.each([
			['after own', false],
			['strict', true]
		])('withholds the panel’s feedback of that loop (%s mode), saying why', async (_, strict) => {
			const db = freshDb();
			const recruiter = await newUser(db, { role: 'recruiter' });
			const viewer = await newUser(db, { role });
			const ada = await candidateWithHistory(db, 'Adaline', recruiter, { seat: viewer, strict });
			// In strict mode their own is in, and the feedback stays hidden until the whole panel's is.
			if (strict) await submitAs(db, viewer, ada.scorecards[1]!.id, { summary: 'Mine', now: t0 + 4 * hour });
			const record = await getSubjectAccessRecord(db, viewer, ada.candidateId, 'json', databaseResumeStore);
			const text = JSON.stringify(record);
			for (const feedback of [
				'calm under pressure',
				'calm, and quick',
				'negotiates hard',
				'is the strongest',
				'lacks depth',
				'"hire"',
				'Evidence by'
			])
				expect(text).not.toContain(feedback);
			expect(record.loops[0]!.feedback).toEqual({
				visible: false,
				withheld: strict ? expect.stringMatching(/whole panel/) : expect.stringMatching(/your own scorecard/)
			});
			expect(record.candidate.notes).toBe('Adaline prefers mornings');
			expect(record.audit.some((e) => e.withheld !== null)).toBe(true);
		});
	});
});
