import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { hiddenReasonLines } from '../../domain/feedback-visibility';
import { auditCarriesFeedback } from '../../domain/audit-trail';
import { assertCanManageHiring } from '../access/permissions';
import { feedbackAccessByLoop, type FeedbackAccess } from '../access/feedback-access';
import { recordAudit } from '../platform/audit';
import { NotFoundError } from '../platform/errors';
import {
	getSubjectSelfIdentification,
	type SubjectSelfIdentification
} from '../fairness/self-identification';
import type { ResumeStore } from './resume-store';
import { loopRecord, type SubjectLoop } from './subject-access-loops';

// Subject access (issue 18): everything Panelist holds about one candidate, for hiring staff,
// logged. The independence rule still holds: on a loop whose feedback it hides from the
// viewer (an admin or recruiter with a seat not yet submitted), the record says that it is
// withheld and why, and carries none of it.

export type { SubjectLoop };

export interface SubjectAuditEntry {
	at: number;
	actorName: string | null;
	action: string;
	entityType: string;
	entityId: string;
	before: unknown;
	after: unknown;
	/** Set where the entry carries feedback the independence rule hides from the viewer. */
	withheld: string | null;
}

export interface SubjectAccessRecord {
	generatedAt: number;
	candidate: {
		id: number;
		name: string;
		email: string;
		notes: string;
		createdAt: number;
		updatedAt: number;
		anonymisedAt: number | null;
		legalHold: { reason: string; at: number; byName: string | null } | null;
	};
	openings: { id: number; title: string; addedAt: number }[];
	resume: {
		fileName: string;
		sizeBytes: number;
		sha256: string;
		uploadedAt: number;
		uploadedByName: string | null;
		/** The PDF itself, base64: it is theirs. */
		pdfBase64: string;
	} | null;
	loops: SubjectLoop[];
	audit: SubjectAuditEntry[];
	/** Their voluntary answers for adverse impact monitoring (decision 025). */
	selfIdentification: SubjectSelfIdentification;
}

async function candidatePart(db: DB, candidateId: number) {
	const row = await db
		.selectFrom('candidate')
		.leftJoin('user', 'user.id', 'candidate.legalHoldBy')
		.selectAll('candidate')
		.select('user.name as holdByName')
		.where('candidate.id', '=', candidateId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such candidate');
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		notes: row.notes,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		anonymisedAt: row.anonymisedAt,
		legalHold:
			row.legalHoldReason === null
				? null
				: { reason: row.legalHoldReason, at: row.legalHoldAt ?? row.updatedAt, byName: row.holdByName }
	};
}

async function resumePart(db: DB, candidateId: number, store: ResumeStore) {
	const row = await db
		.selectFrom('candidateResume')
		.leftJoin('user', 'user.id', 'candidateResume.uploadedBy')
		.selectAll('candidateResume')
		.select('user.name as uploadedByName')
		.where('candidateResume.candidateId', '=', candidateId)
		.executeTakeFirst();
	if (!row) return null;
	const bytes = await store.get(row);
	return {
		fileName: row.fileName,
		sizeBytes: row.sizeBytes,
		sha256: row.sha256,
		uploadedAt: row.uploadedAt,
		uploadedByName: row.uploadedByName,
		pdfBase64: Buffer.from(bytes).toString('base64')
	};
}

/** Audit entries about the candidate, their loops and those loops' scorecards, in order of writing. */
async function auditPart(
	db: DB,
	candidateId: number,
	loopIds: number[],
	scorecardLoops: Map<number, number>,
	access: Map<number, FeedbackAccess>
): Promise<SubjectAuditEntry[]> {
	const scorecardIds = [...scorecardLoops.keys()];
	const rows = await db
		.selectFrom('auditEvent')
		.leftJoin('user', 'user.id', 'auditEvent.actorUserId')
		.select([
			'auditEvent.at',
			'user.name as actorName',
			'auditEvent.action',
			'auditEvent.entityType',
			'auditEvent.entityId',
			'auditEvent.before',
			'auditEvent.after'
		])
		.where((eb) =>
			eb.or([
				eb.and([eb('entityType', '=', 'candidate'), eb('entityId', '=', String(candidateId))]),
				eb.and([
					eb('entityType', '=', 'loop'),
					eb('entityId', 'in', loopIds.length ? loopIds.map(String) : ['-'])
				]),
				eb.and([
					eb('entityType', '=', 'scorecard'),
					eb('entityId', 'in', scorecardIds.length ? scorecardIds.map(String) : ['-'])
				])
			])
		)
		.orderBy('auditEvent.id')
		.execute();
	return rows.map((row) => {
		const loopId =
			row.entityType === 'loop'
				? Number(row.entityId)
				: row.entityType === 'scorecard'
					? scorecardLoops.get(Number(row.entityId))
					: undefined;
		const seen = loopId === undefined ? undefined : access.get(loopId);
		const hidden =
			auditCarriesFeedback(row.entityType, row.action) && seen && !seen.visible ? seen.reason : null;
		return {
			...row,
			before: hidden || row.before === null ? null : JSON.parse(row.before),
			after: hidden || row.after === null ? null : JSON.parse(row.after),
			withheld: hidden ? hiddenReasonLines[hidden] : null
		};
	});
}

/**
 * Everything held about the candidate, for admins and recruiters; each request is audited
 * (who, when, in which form).
 */
export async function getSubjectAccessRecord(
	db: DB,
	actor: AuthUser,
	candidateId: number,
	format: 'json' | 'html',
	store: ResumeStore,
	now = Date.now()
): Promise<SubjectAccessRecord> {
	assertCanManageHiring(actor);
	const candidate = await candidatePart(db, candidateId);
	const [openings, loops] = await Promise.all([
		db
			.selectFrom('candidateOpening')
			.innerJoin('opening', 'opening.id', 'candidateOpening.openingId')
			.select(['opening.id', 'opening.title', 'candidateOpening.addedAt'])
			.where('candidateOpening.candidateId', '=', candidateId)
			.orderBy('candidateOpening.addedAt')
			.execute(),
		db.selectFrom('loop').select('id').where('candidateId', '=', candidateId).orderBy('id').execute()
	]);
	const loopIds = loops.map((l) => l.id);
	const access = await feedbackAccessByLoop(db, actor, loopIds);
	const loopRecords: SubjectLoop[] = [];
	for (const loopId of loopIds) loopRecords.push(await loopRecord(db, loopId, access.get(loopId)!));
	const scorecardLoops = new Map(
		loopRecords.flatMap((l) => l.panel.map((p) => [p.scorecardId, l.id] as const))
	);
	const record: SubjectAccessRecord = {
		generatedAt: now,
		candidate,
		openings,
		resume: await resumePart(db, candidateId, store),
		loops: loopRecords,
		audit: await auditPart(db, candidateId, loopIds, scorecardLoops, access),
		selfIdentification: await getSubjectSelfIdentification(db, actor, candidateId)
	};
	await recordAudit(
		db,
		{
			actorUserId: actor.id,
			action: 'candidate.subject_access',
			entityType: 'candidate',
			entityId: candidateId,
			after: { format }
		},
		now
	);
	return record;
}
