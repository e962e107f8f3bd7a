import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymisedMarker } from '../../../src/lib/domain/anonymisation';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import {
	anonymiseCandidate,
	placeLegalHold,
	releaseLegalHold
} from '../../../src/lib/server/hiring/candidate-privacy';
import { getCandidate } from '../../../src/lib/server/hiring/candidates';
import { databaseResumeStore, folderResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { uploadResume } from '../../../src/lib/server/hiring/resumes';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { DB } from '../../../src/lib/server/platform/db';
import { eraseFreedSpace } from '../../../src/lib/server/platform/engine/erase-freed-space';
import { ConflictError, ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newLoop, newUser, submitAs } from '../../support/seed';

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);

/** A decided loop whose candidate is Ada, with words about her in every free text. */
async function decidedLoop(db: DB) {
	const loop = await newLoop(db);
	for (const [i, who] of loop.panel.entries())
		await submitAs(db, who, loop.scorecards[i]!.id, { summary: `Ada impressed ${who.name}` });
	await recordDecision(db, loop.recruiter, loop.loopId, {
		outcome: 'hire',
		rationale: 'Ada is the one',
		dissent: 'Ada seemed tired',
		attendeeIds: [loop.recruiter.id],
		changeReason: '',
		notes: { overall: 'Ada asked about parental leave' }
	});
	return loop;
}

/** Every row of the tables that hold anything about candidates, as text. */
async function everything(db: DB): Promise<string> {
	const tables = [
		'candidate',
		'candidateResume',
		'scorecard',
		'scorecardSubmission',
		'debrief',
		'loopDecision',
		'auditEvent'
	] as const;
	const rows = await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute()));
	return JSON.stringify(rows, (_, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
}

describe('anonymising a candidate', () => {
	it('leaves none of their words in any table, keeps the numbers, and records who asked, when and why', async () => {
		const db = freshDb();
		const { recruiter, candidateId, loopId } = await decidedLoop(db);
		await uploadResume(
			db,
			recruiter,
			candidateId,
			{ name: 'ada-lovelace.pdf', bytes: pdf('Ada Lovelace, London') },
			{ store: databaseResumeStore, maxBytes: 10_000 }
		);
		const ratings = () =>
			db
				.selectFrom('scorecardRating')
				.select(['scorecardId', 'competencyId', 'rating'])
				.where('loopId', '=', loopId)
				.orderBy('scorecardId')
				.orderBy('competencyId')
				.execute();
		const before = {
			ratings: await ratings(),
			loop: await db
				.selectFrom('loop')
				.select(['outcome', 'completedAt'])
				.where('id', '=', loopId)
				.executeTakeFirstOrThrow()
		};
		expect(await everything(db)).toContain('Ada');

		await anonymiseCandidate(
			db,
			recruiter,
			candidateId,
			{ reason: 'Erasure request, ticket 77', confirmName: 'Ada' },
			databaseResumeStore,
			5000
		);

		expect(await everything(db)).not.toContain('Ada');
		expect(await everything(db)).toContain(anonymisedMarker);
		expect(await ratings()).toEqual(before.ratings);
		expect(
			await db
				.selectFrom('loop')
				.select(['outcome', 'completedAt'])
				.where('id', '=', loopId)
				.executeTakeFirstOrThrow()
		).toEqual(before.loop);
		const candidate = await getCandidate(db, recruiter, candidateId);
		expect(candidate).toMatchObject({ name: `Anonymised candidate ${candidateId}`, anonymisedAt: 5000 });
		const audit = await listAuditEvents(db, 'candidate', candidateId);
		expect(audit.at(-1)).toMatchObject({
			action: 'candidate.anonymised',
			actorUserId: recruiter.id,
			at: 5000
		});
		expect(JSON.parse(audit.at(-1)!.after!)).toEqual({ reason: 'Erasure request, ticket 77' });
	});

	it('asks for the name typed exactly, and refuses interviewers and a second time', async () => {
		const db = freshDb();
		const { recruiter, panel, candidateId } = await decidedLoop(db);
		const input = { reason: 'Asked by email', confirmName: 'ada' };
		await expect(
			anonymiseCandidate(db, recruiter, candidateId, input, databaseResumeStore)
		).rejects.toBeInstanceOf(InputError);
		await expect(
			anonymiseCandidate(db, panel[0]!, candidateId, { ...input, confirmName: 'Ada' }, databaseResumeStore)
		).rejects.toBeInstanceOf(ForbiddenError);
		expect((await getCandidate(db, recruiter, candidateId)).name).toBe('Ada');
		await anonymiseCandidate(
			db,
			recruiter,
			candidateId,
			{ ...input, confirmName: 'Ada' },
			databaseResumeStore
		);
		await expect(
			anonymiseCandidate(db, recruiter, candidateId, { reason: 'Again' }, databaseResumeStore)
		).rejects.toThrow('already anonymised');
	});

	it('refuses while a loop is still open, since an interviewer may still be writing', async () => {
		const db = freshDb();
		const { recruiter, candidateId } = await newLoop(db);
		await expect(
			anonymiseCandidate(db, recruiter, candidateId, { reason: 'Asked' }, databaseResumeStore)
		).rejects.toThrow(/loop still open/);
	});

	it('is stopped by a legal hold, which only an admin lifts', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const { recruiter, candidateId } = await decidedLoop(db);
		await placeLegalHold(db, recruiter, candidateId, 'Tribunal claim 2026/14');
		await expect(
			anonymiseCandidate(db, admin, candidateId, { reason: 'Asked' }, databaseResumeStore)
		).rejects.toBeInstanceOf(ConflictError);
		await expect(releaseLegalHold(db, recruiter, candidateId)).rejects.toBeInstanceOf(ForbiddenError);
		await releaseLegalHold(db, admin, candidateId);
		await anonymiseCandidate(db, admin, candidateId, { reason: 'Asked' }, databaseResumeStore);
		const actions = (await listAuditEvents(db, 'candidate', candidateId)).map((e) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'candidate.legal_hold_placed',
				'candidate.legal_hold_released',
				'candidate.anonymised'
			])
		);
	});

	it('deletes a résumé kept in a folder', async () => {
		const db = freshDb();
		const { recruiter, candidateId } = await decidedLoop(db);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-erase-'));
		const store = folderResumeStore(dir);
		await uploadResume(
			db,
			recruiter,
			candidateId,
			{ name: 'cv.pdf', bytes: pdf('Ada') },
			{ store, maxBytes: 10_000 }
		);
		expect(fs.readdirSync(dir)).toHaveLength(1);
		await anonymiseCandidate(db, recruiter, candidateId, { reason: 'Asked' }, store);
		expect(fs.readdirSync(dir)).toEqual([]);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('erases the freed space on the run’s engine (SQLite: WAL emptied; PostgreSQL: VACUUM)', async () => {
		const db = freshDb();
		await newUser(db);
		expect(await eraseFreedSpace(db, ['candidate', 'auditEvent'])).toBe(true);
	});
});
