import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import {
	defaultRetentionMonths,
	retentionDueAt,
	retentionPreviewDays,
	type RetentionLoop
} from '../../domain/retention';
import { day } from '../../domain/time';
import { assertRole } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { eraseFreedSpace } from '../platform/engine/erase-freed-space';
import { anonymiseCandidateNow, touchedTables } from './candidate-privacy';
import { resumeStoreFromEnv, type ResumeStore } from './resume-store';

// Retention (decision 024): candidates whose last loop closed longer ago than the admin's
// setting are anonymised, unless a legal hold keeps them.

export const retentionMonthsKey = 'retention_months';

export async function readRetentionMonths(db: DB): Promise<number> {
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', retentionMonthsKey)
		.executeTakeFirst();
	return row ? Number(row.value) : defaultRetentionMonths;
}

export async function setRetentionMonths(db: DB, actor: AuthUser, months: number, now = Date.now()) {
	assertRole(actor, 'admin');
	await db.transaction().execute(async (trx) => {
		const before = await readRetentionMonths(trx);
		await trx
			.insertInto('meta')
			.values({ key: retentionMonthsKey, value: String(months) })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: String(months) }))
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'retention.changed',
				entityType: 'setting',
				entityId: retentionMonthsKey,
				before: { months: before },
				after: { months }
			},
			now
		);
	});
}

export interface RetentionCandidate {
	id: number;
	name: string;
	dueAt: number;
	legalHold: string | null;
}

/** Candidates not yet anonymised that fall due by `until`, soonest first. */
async function candidatesDueBy(db: DB, until: number): Promise<RetentionCandidate[]> {
	const months = await readRetentionMonths(db);
	const [candidates, loops] = await Promise.all([
		db
			.selectFrom('candidate')
			.select(['id', 'name', 'createdAt', 'legalHoldReason'])
			.where('anonymisedAt', 'is', null)
			.execute(),
		db
			.selectFrom('loop')
			.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
			.select((eb) => [
				'loop.candidateId',
				'loop.cancelledAt',
				eb
					.selectFrom('loopDecision')
					.select((d) => d.fn.max('loopDecision.decidedAt').as('at'))
					.whereRef('loopDecision.loopId', '=', 'loop.id')
					.as('decidedAt')
			])
			.where('candidate.anonymisedAt', 'is', null)
			.execute()
	]);
	const byCandidate = new Map<number, RetentionLoop[]>();
	for (const l of loops) {
		const list = byCandidate.get(l.candidateId) ?? [];
		list.push({ cancelledAt: l.cancelledAt, decidedAt: l.decidedAt === null ? null : Number(l.decidedAt) });
		byCandidate.set(l.candidateId, list);
	}
	return candidates
		.map((c) => ({
			id: c.id,
			name: c.name,
			dueAt: retentionDueAt(c.createdAt, byCandidate.get(c.id) ?? [], months),
			legalHold: c.legalHoldReason
		}))
		.filter((c): c is RetentionCandidate => c.dueAt !== null && c.dueAt <= until)
		.sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
}

/** For the admin page: the setting, and who retention anonymises within the next 30 days. */
export async function getRetentionOverview(db: DB, actor: AuthUser, now = Date.now()) {
	assertRole(actor, 'admin');
	return {
		months: await readRetentionMonths(db),
		upcoming: await candidatesDueBy(db, now + retentionPreviewDays * day)
	};
}

/** What applyRetention would do at `now`: those due, and those a legal hold keeps. */
export async function previewRetention(db: DB, now = Date.now()) {
	const due = await candidatesDueBy(db, now);
	return { due: due.filter((c) => c.legalHold === null), held: due.filter((c) => c.legalHold !== null) };
}

/**
 * Anonymises every candidate past the retention period and not under a legal hold; the
 * audit names no person (the job did it) and gives the rule as the reason.
 */
export async function applyRetention(
	db: DB,
	now = Date.now(),
	store: ResumeStore = resumeStoreFromEnv(process.env)
): Promise<{ anonymised: number[]; held: number[] }> {
	const { due, held } = await previewRetention(db, now);
	const months = await readRetentionMonths(db);
	for (const c of due) {
		await anonymiseCandidateNow(
			db,
			null,
			c.id,
			{ reason: `Retention: more than ${months} months since their last loop closed` },
			store,
			now,
			{ erase: false }
		);
	}
	if (due.length) await eraseFreedSpace(db, touchedTables);
	return { anonymised: due.map((c) => c.id), held: held.map((c) => c.id) };
}
