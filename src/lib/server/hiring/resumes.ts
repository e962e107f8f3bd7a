import { createHash } from 'node:crypto';
import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { describeSize, looksLikePdf } from '../../domain/resume';
import { assertCanSeeCandidate } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { InputError, NotFoundError } from '../platform/errors';
import type { ResumeStore } from './resume-store';

// A candidate's résumé: uploaded and removed by those who run one of the candidate's openings,
// read by them and by the panel of the candidate's loops, hidden (404) from everyone else.
// One per candidate; an upload replaces the last one whole and keeps nothing of it
// (decision 019: an old CV is personal data nobody needs).

export interface ResumeInfo {
	fileName: string;
	sizeBytes: number;
	uploadedAt: number;
}

/** Refused because of its size: the doors answer 413. */
export class ResumeTooLargeError extends InputError {
	constructor(maxBytes: number) {
		super({ resume: `The résumé is larger than ${describeSize(maxBytes)}; upload a smaller PDF` });
		this.name = 'ResumeTooLargeError';
	}
}

/** Refused because it is not a PDF: the doors answer 415. */
export class ResumeNotPdfError extends InputError {
	constructor() {
		super({ resume: 'The résumé must be a PDF file' });
		this.name = 'ResumeNotPdfError';
	}
}

/** The résumé's facts, for those who may read it; null when there is none. */
export async function getResumeInfo(
	db: DB,
	actor: AuthUser,
	candidateId: number
): Promise<ResumeInfo | null> {
	await assertCanReadResume(db, actor, candidateId);
	const row = await db
		.selectFrom('candidateResume')
		.select(['fileName', 'sizeBytes', 'uploadedAt'])
		.where('candidateId', '=', candidateId)
		.executeTakeFirst();
	return row
		? { fileName: row.fileName, sizeBytes: Number(row.sizeBytes), uploadedAt: Number(row.uploadedAt) }
		: null;
}

/** The PDF itself, for those who may read it. */
export async function readResume(
	db: DB,
	actor: AuthUser,
	candidateId: number,
	store: ResumeStore
): Promise<{ fileName: string; bytes: Uint8Array }> {
	await assertCanReadResume(db, actor, candidateId);
	const row = await db
		.selectFrom('candidateResume')
		.select(['fileName', 'content', 'storedName'])
		.where('candidateId', '=', candidateId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('This candidate has no résumé');
	return { fileName: row.fileName, bytes: await store.get(row) };
}

/** Stores a PDF as the candidate's résumé, replacing any before it. */
export async function uploadResume(
	db: DB,
	actor: AuthUser,
	candidateId: number,
	file: { name: string; bytes: Uint8Array },
	{ store, maxBytes }: { store: ResumeStore; maxBytes: number },
	now = Date.now()
): Promise<ResumeInfo> {
	await assertCanSeeCandidate(db, actor, candidateId);
	if (file.bytes.length === 0) throw new InputError({ resume: 'Choose a PDF file to upload' });
	if (file.bytes.length > maxBytes) throw new ResumeTooLargeError(maxBytes);
	if (!looksLikePdf(file.bytes)) throw new ResumeNotPdfError();
	const fileName = file.name.trim().slice(0, 200) || 'resume.pdf';
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');
	const stored = await store.put(file.bytes);
	const info: ResumeInfo = { fileName, sizeBytes: file.bytes.length, uploadedAt: now };
	try {
		const before = await db.transaction().execute(async (trx) => {
			const previous = await trx
				.selectFrom('candidateResume')
				.select(['fileName', 'sizeBytes', 'sha256', 'content', 'storedName'])
				.where('candidateId', '=', candidateId)
				.executeTakeFirst();
			const values = {
				...stored,
				fileName,
				sizeBytes: info.sizeBytes,
				sha256,
				uploadedBy: actor.id,
				uploadedAt: now
			};
			await trx
				.insertInto('candidateResume')
				.values({ candidateId, ...values })
				.onConflict((oc) => oc.column('candidateId').doUpdateSet(values))
				.execute();
			await recordAudit(
				trx,
				{
					actorUserId: actor.id,
					action: previous ? 'resume.replace' : 'resume.upload',
					entityType: 'candidate',
					entityId: candidateId,
					before: previous ? auditFacts(previous) : undefined,
					after: auditFacts({ fileName, sizeBytes: info.sizeBytes, sha256 })
				},
				now
			);
			return previous;
		});
		if (before) await store.drop(before);
	} catch (error) {
		await store.drop(stored);
		throw error;
	}
	return info;
}

/** Removes the candidate's résumé; removing none is a no-op. */
export async function removeResume(
	db: DB,
	actor: AuthUser,
	candidateId: number,
	store: ResumeStore,
	now = Date.now()
): Promise<void> {
	await assertCanSeeCandidate(db, actor, candidateId);
	const removed = await db.transaction().execute(async (trx) => {
		const previous = await trx
			.selectFrom('candidateResume')
			.select(['fileName', 'sizeBytes', 'sha256', 'content', 'storedName'])
			.where('candidateId', '=', candidateId)
			.executeTakeFirst();
		if (!previous) return undefined;
		await trx.deleteFrom('candidateResume').where('candidateId', '=', candidateId).execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'resume.remove',
				entityType: 'candidate',
				entityId: candidateId,
				before: auditFacts(previous)
			},
			now
		);
		return previous;
	});
	if (removed) await store.drop(removed);
}

// The audit trail names the file, never holds it.
function auditFacts(row: { fileName: string; sizeBytes: number; sha256: string }) {
	return { fileName: row.fileName, sizeBytes: Number(row.sizeBytes), sha256: row.sha256 };
}

/**
 * Those who run one of the candidate's openings, and the panel of any of the candidate's
 * loops; everyone else is told there is no such candidate.
 */
async function assertCanReadResume(db: DB, actor: AuthUser, candidateId: number): Promise<void> {
	const seat = await db
		.selectFrom('scorecard')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.select('scorecard.id')
		.where('loop.candidateId', '=', candidateId)
		.where('scorecard.interviewerId', '=', actor.id)
		.executeTakeFirst();
	if (seat) return;
	try {
		await assertCanSeeCandidate(db, actor, candidateId);
	} catch {
		throw new NotFoundError('No such candidate');
	}
}
