import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { anonymisedEmail, anonymisedName, redactJsonText, redactText } from '../../domain/anonymisation';
import { assertCanManageHiring, assertRole } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { eraseFreedSpace } from '../platform/engine/erase-freed-space';
import { ConflictError, InputError, NotFoundError } from '../platform/errors';
import { deleteDemographicAnswers } from '../fairness/self-identification';
import { scrubCandidateTraces, traceTables } from './candidate-traces';
import type { ResumeStore, StoredResume } from './resume-store';

// Erasure and legal hold (decision 024). Anonymising replaces a candidate's name, email,
// notes and every free text written about them with a marker, drops their résumé, and keeps
// every number (ratings, recommendations, times, decisions, outcomes), so results,
// comparisons and calibration read exactly as before. It cannot be undone.

/** Tables whose rows anonymising overwrites: their freed space is erased after. */
export const touchedTables = [
	'candidate',
	'candidateResume',
	'scorecard',
	'scorecardSubmission',
	'debrief',
	'loopDecision',
	'demographicAnswer',
	...traceTables
] as const;

async function candidateRow(db: DB, candidateId: number) {
	const row = await db
		.selectFrom('candidate')
		.select(['id', 'name', 'anonymisedAt', 'legalHoldReason'])
		.where('id', '=', candidateId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such candidate');
	return row;
}

/** Whether the candidate may be anonymised; the refusal says what stands in the way. */
async function assertAnonymisable(db: DB, candidateId: number, confirmName?: string) {
	const row = await candidateRow(db, candidateId);
	if (row.anonymisedAt !== null) throw new ConflictError('This candidate is already anonymised');
	if (row.legalHoldReason !== null)
		throw new ConflictError(`This candidate is under a legal hold: ${row.legalHoldReason}`);
	if (confirmName !== undefined && confirmName !== row.name)
		throw new InputError({ confirmName: 'Type the candidate’s name exactly as shown to confirm' });
	// An interviewer still typing would write their words back over the marker.
	const open = await db
		.selectFrom('loop')
		.select('id')
		.where('candidateId', '=', candidateId)
		.where('cancelledAt', 'is', null)
		.where('outcome', 'is', null)
		.executeTakeFirst();
	if (open) throw new ConflictError('This candidate has a loop still open: decide or cancel it first');
}

/** Every free text about the candidate replaced, in one transaction; answers the résumé to drop. */
async function redactCandidate(trx: DB, candidateId: number, now: number): Promise<StoredResume | undefined> {
	const loopIds = (
		await trx.selectFrom('loop').select('id').where('candidateId', '=', candidateId).execute()
	).map((l) => l.id);
	const scorecards = loopIds.length
		? await trx.selectFrom('scorecard').select(['id', 'content']).where('loopId', 'in', loopIds).execute()
		: [];
	for (const s of scorecards) {
		// A new version, so a tab still open on an old copy is told it changed rather than saving over it.
		await trx
			.updateTable('scorecard')
			.set((eb) => ({ content: redactJsonText(s.content)!, version: eb('version', '+', 1) }))
			.where('id', '=', s.id)
			.execute();
	}
	const scorecardIds = scorecards.map((s) => s.id);
	if (scorecardIds.length) {
		const submissions = await trx
			.selectFrom('scorecardSubmission')
			.select(['id', 'content', 'reason'])
			.where('scorecardId', 'in', scorecardIds)
			.execute();
		for (const s of submissions) {
			await trx
				.updateTable('scorecardSubmission')
				.set({ content: redactJsonText(s.content)!, reason: s.reason === null ? null : redactText(s.reason) })
				.where('id', '=', s.id)
				.execute();
		}
	}
	if (loopIds.length) {
		for (const d of await trx
			.selectFrom('debrief')
			.select(['loopId', 'notes'])
			.where('loopId', 'in', loopIds)
			.execute()) {
			await trx
				.updateTable('debrief')
				.set({ notes: redactJsonText(d.notes)! })
				.where('loopId', '=', d.loopId)
				.execute();
		}
		const decisions = await trx
			.selectFrom('loopDecision')
			.select(['id', 'rationale', 'dissent', 'changeReason'])
			.where('loopId', 'in', loopIds)
			.execute();
		for (const d of decisions) {
			await trx
				.updateTable('loopDecision')
				.set({
					rationale: redactText(d.rationale),
					dissent: redactText(d.dissent),
					changeReason: d.changeReason === null ? null : redactText(d.changeReason)
				})
				.where('id', '=', d.id)
				.execute();
		}
	}
	const events = await trx
		.selectFrom('auditEvent')
		.select(['id', 'before', 'after'])
		.where((eb) =>
			eb.or([
				eb.and([eb('entityType', '=', 'candidate'), eb('entityId', '=', String(candidateId))]),
				...(loopIds.length
					? [eb.and([eb('entityType', '=', 'loop'), eb('entityId', 'in', loopIds.map(String))])]
					: []),
				...(scorecardIds.length
					? [eb.and([eb('entityType', '=', 'scorecard'), eb('entityId', 'in', scorecardIds.map(String))])]
					: [])
			])
		)
		.execute();
	for (const e of events) {
		if (e.before === null && e.after === null) continue;
		await trx
			.updateTable('auditEvent')
			.set({ before: redactJsonText(e.before), after: redactJsonText(e.after) })
			.where('id', '=', e.id)
			.execute();
	}
	const resume = await trx
		.selectFrom('candidateResume')
		.select(['content', 'storedName'])
		.where('candidateId', '=', candidateId)
		.executeTakeFirst();
	if (resume) await trx.deleteFrom('candidateResume').where('candidateId', '=', candidateId).execute();
	// Self-identified answers go rather than stay under a marker (decision 025).
	await deleteDemographicAnswers(trx, candidateId);
	const person = await trx
		.selectFrom('candidate')
		.select(['id', 'name', 'email', 'notes'])
		.where('id', '=', candidateId)
		.executeTakeFirstOrThrow();
	await scrubCandidateTraces(trx, person, now);
	await trx
		.updateTable('candidate')
		.set({
			name: anonymisedName(candidateId),
			email: anonymisedEmail(candidateId),
			notes: redactText(person.notes),
			anonymisedAt: now,
			updatedAt: now
		})
		.where('id', '=', candidateId)
		.execute();
	return resume;
}

/**
 * Anonymises one candidate, in one transaction with its audit entry (who, when, why), then
 * drops the résumé and erases the freed space. `actorId` is null for the retention job.
 * The callers check who may ask.
 */
export async function anonymiseCandidateNow(
	db: DB,
	actorId: number | null,
	candidateId: number,
	input: { reason: string; confirmName?: string },
	store: ResumeStore,
	now = Date.now(),
	{ erase = true } = {}
): Promise<void> {
	const resume = await db.transaction().execute(async (trx) => {
		await assertAnonymisable(trx, candidateId, input.confirmName);
		const dropped = await redactCandidate(trx, candidateId, now);
		await recordAudit(
			trx,
			{
				actorUserId: actorId,
				action: 'candidate.anonymised',
				entityType: 'candidate',
				entityId: candidateId,
				after: { reason: input.reason }
			},
			now
		);
		return dropped;
	});
	if (resume) await store.drop(resume);
	// Retention anonymises many at once and erases once, after the last.
	if (erase) await eraseFreedSpace(db, touchedTables);
}

/** An erasure request, by hiring staff: the page confirms it with the candidate's name typed. */
export async function anonymiseCandidate(
	db: DB,
	actor: AuthUser,
	candidateId: number,
	input: { reason: string; confirmName?: string },
	store: ResumeStore,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await anonymiseCandidateNow(db, actor.id, candidateId, input, store, now);
}

/** Puts a legal hold on the candidate: nothing anonymises them while it stands. */
export async function placeLegalHold(
	db: DB,
	actor: AuthUser,
	candidateId: number,
	reason: string,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const row = await candidateRow(trx, candidateId);
		if (row.anonymisedAt !== null) throw new ConflictError('This candidate is already anonymised');
		await trx
			.updateTable('candidate')
			.set({ legalHoldReason: reason, legalHoldAt: now, legalHoldBy: actor.id })
			.where('id', '=', candidateId)
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'candidate.legal_hold_placed',
				entityType: 'candidate',
				entityId: candidateId,
				before: row.legalHoldReason === null ? undefined : { reason: row.legalHoldReason },
				after: { reason }
			},
			now
		);
	});
}

/** Lifts the hold; admins only, since the hold is there to stop hiring staff erasing. */
export async function releaseLegalHold(db: DB, actor: AuthUser, candidateId: number, now = Date.now()) {
	assertRole(actor, 'admin');
	await db.transaction().execute(async (trx) => {
		const row = await candidateRow(trx, candidateId);
		if (row.legalHoldReason === null) throw new ConflictError('This candidate has no legal hold');
		await trx
			.updateTable('candidate')
			.set({ legalHoldReason: null, legalHoldAt: null, legalHoldBy: null })
			.where('id', '=', candidateId)
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'candidate.legal_hold_released',
				entityType: 'candidate',
				entityId: candidateId,
				before: { reason: row.legalHoldReason }
			},
			now
		);
	});
}
