import { describe, expect, it } from 'vitest';
import { day } from '../../../src/lib/domain/time';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { anonymiseCandidate, placeLegalHold } from '../../../src/lib/server/hiring/candidate-privacy';
import { getCandidate } from '../../../src/lib/server/hiring/candidates';
import { databaseResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { applyRetention } from '../../../src/lib/server/hiring/retention';
import { ConflictError } from '../../../src/lib/server/platform/errors';
import type { DB } from '../../../src/lib/server/platform/db';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { importOrganisation, ImportRefusedError } from '../../../src/lib/server/transfer/import';
import { freshDb } from '../helpers/db';
import { newLoop, submitAs } from '../../support/seed';

// A moved organisation keeps each candidate's privacy state (issue 18, decision 024): an
// anonymised candidate stays anonymised, and a legal hold keeps holding, with its reason.

const now = Date.UTC(2026, 10, 20, 12);

async function decidedLoop(db: DB) {
	const loop = await newLoop(db, { at: now - 30 * day });
	for (const [i, who] of loop.panel.entries()) await submitAs(db, who, loop.scorecards[i]!.id);
	await recordDecision(db, loop.recruiter, loop.loopId, {
		outcome: 'no_hire',
		rationale: 'Not this time',
		dissent: '',
		attendeeIds: [loop.recruiter.id],
		changeReason: ''
	});
	return loop;
}

describe('the privacy state in an export', () => {
	it('moves with the organisation: the anonymised stay so and a legal hold keeps holding', async () => {
		const source = freshDb();
		const gone = await decidedLoop(source);
		const held = await decidedLoop(source);
		await anonymiseCandidate(
			source,
			gone.recruiter,
			gone.candidateId,
			{ reason: 'Erasure request 12' },
			databaseResumeStore,
			now
		);
		await placeLegalHold(source, held.recruiter, held.candidateId, 'Tribunal claim 2026/881', now);
		const text = await exportOrganisation(source, now);
		const file = JSON.parse(text);
		const byId = (id: number) => file.candidates.find((c: { id: string }) => c.id === String(id));
		expect(byId(gone.candidateId).anonymisedAt).toBe(new Date(now).toISOString());
		expect(byId(held.candidateId).legalHold).toEqual({
			reason: 'Tribunal claim 2026/881',
			placedAt: new Date(now).toISOString(),
			placedBy: String(held.recruiter.id)
		});
		expect(byId(held.candidateId)).not.toHaveProperty('anonymisedAt');

		const target = freshDb();
		await importOrganisation(target, text);
		const admin = { ...held.recruiter, role: 'admin' as const };
		expect((await getCandidate(target, admin, gone.candidateId)).anonymisedAt).toBe(now);
		await expect(
			anonymiseCandidate(target, admin, gone.candidateId, { reason: 'again' }, databaseResumeStore, now)
		).rejects.toThrow(/already anonymised/);
		await expect(
			anonymiseCandidate(target, admin, held.candidateId, { reason: 'Erasure' }, databaseResumeStore, now)
		).rejects.toThrow(ConflictError);
		// Years later, retention passes the held candidate by.
		expect(await applyRetention(target, now + 10 * 365 * day, databaseResumeStore)).toEqual({
			anonymised: [],
			held: [held.candidateId]
		});
		expect(await exportOrganisation(target, now)).toBe(text);
	}, 30_000);

	it('refuses a hold placed by someone not in the file, changing nothing', async () => {
		const source = freshDb();
		const held = await decidedLoop(source);
		await placeLegalHold(source, held.recruiter, held.candidateId, 'Audit by the regulator', now);
		const file = JSON.parse(await exportOrganisation(source, now));
		const index = file.candidates.findIndex((c: { id: string }) => c.id === String(held.candidateId));
		file.candidates[index].legalHold.placedBy = '404';

		const target = freshDb();
		const refusal = await importOrganisation(target, JSON.stringify(file)).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(ImportRefusedError);
		expect((refusal as ImportRefusedError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual(
			expect.arrayContaining([`candidates[${index}].legalHold.placedBy: no user with id "404" in this file`])
		);
		expect(await target.selectFrom('candidate').select('id').execute()).toEqual([]);
	}, 30_000);
});
