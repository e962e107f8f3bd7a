import { sql } from 'kysely';
import type { DB } from '../platform/db';
import { runHot } from '../platform/hot-statements';
import { autosaveUpdate } from './autosave-statement';
import {
	emptyDocument,
	referenceIssues,
	submissionIssues,
	type ScorecardDocument,
	type ScorecardRound
} from '../../domain/scorecard';
import type { AuthUser } from '../auth/session';
import { countsInResults } from '../../domain/seat-roles';
import { recordAudit } from '../platform/audit';
import { refreshLoopCalibration } from '../calibration/calibration-upkeep';
import {
	ConflictError,
	IncompleteError,
	InputError,
	NotFoundError,
	VersionConflictError
} from '../platform/errors';
import { recordEvent } from '../notify/events';
import { recordIfReadyForDebrief } from '../notify/debrief-readiness';
import { forgetSeat, ownSeat, roundOf, seatOf, type FrozenRound, type Seat } from './scorecard-seats';

// The interviewer's writes: the autosave, submitting, and amending once submitted.

export function parseDocument(content: string): ScorecardDocument {
	return { ...emptyDocument, ...(JSON.parse(content) as Partial<ScorecardDocument>) };
}

function assertReferences(doc: ScorecardDocument, round: ScorecardRound): void {
	const issues = referenceIssues(doc, round);
	if (issues.length) throw new InputError(Object.fromEntries(issues.map((i) => [i.path, i.message])));
}

/** Why an update touched no row: gone, submitted, or based on an older version. */
async function explainMissedUpdate(db: DB, scorecardId: number): Promise<never> {
	const row = await db
		.selectFrom('scorecard')
		.select(['status', 'version', 'content'])
		.where('id', '=', scorecardId)
		.executeTakeFirst();
	if (!row) {
		forgetSeat(db, scorecardId);
		throw new NotFoundError('No such scorecard');
	}
	if (row.status === 'submitted') {
		throw new ConflictError('This scorecard is submitted. To change it, amend it with a reason.');
	}
	throw new VersionConflictError(row.version, parseDocument(row.content));
}

/**
 * Saves the interviewer's working copy, if it is based on the version saved now. One
 * UPDATE: the version check, the content and the move from "not started" to "draft".
 */
export async function saveScorecard(
	db: DB,
	actor: AuthUser,
	scorecardId: number,
	baseVersion: number,
	doc: ScorecardDocument,
	now = Date.now()
): Promise<{ version: number }> {
	const seat = await ownSeat(db, actor, scorecardId);
	assertReferences(doc, await roundOf(db, seat.roundId));
	const rows = await runHot(db, autosaveUpdate, {
		scorecardId,
		baseVersion,
		content: JSON.stringify(doc),
		now
	});
	if (!rows[0]) return explainMissedUpdate(db, scorecardId);
	return { version: rows[0].version };
}

/** Rows the aggregations read, one per focus competency (rating null when not assessed). */
async function writeRatingRows(
	db: DB,
	scorecardId: number,
	seat: Seat,
	round: FrozenRound,
	doc: ScorecardDocument,
	times: { submittedAt: number; interviewedAt: number }
) {
	await db.deleteFrom('scorecardRating').where('scorecardId', '=', scorecardId).execute();
	// A practice card has no rating rows: every aggregate, comparison and calibration figure
	// reads those, so it can never count.
	if (!countsInResults(seat.seatRole)) return;
	await db
		.insertInto('scorecardRating')
		.values(
			round.competencies.map((c) => ({
				scorecardId,
				loopId: seat.loopId,
				interviewerId: seat.interviewerId,
				competencyId: c.id,
				revisionId: c.revisionId,
				rating: doc.ratings.find((r) => r.competencyId === c.id)?.rating ?? null,
				submittedAt: times.submittedAt,
				interviewedAt: times.interviewedAt,
				openingId: seat.openingId,
				roundKind: seat.roundKind
			}))
		)
		.execute();
}

/**
 * Writes a submitted scorecard's rating rows from its saved document, as submitting does:
 * rows that an import rebuilds rather than reads from its file.
 */
export async function rewriteRatingRows(db: DB, scorecardId: number): Promise<void> {
	const seat = await seatOf(db, scorecardId);
	const row = await db
		.selectFrom('scorecard')
		.select(['status', 'content', 'submittedAt', 'scheduledAt'])
		.where('id', '=', scorecardId)
		.executeTakeFirstOrThrow();
	if (row.status !== 'submitted' || row.submittedAt === null) return;
	await writeRatingRows(db, scorecardId, seat, await roundOf(db, seat.roundId), parseDocument(row.content), {
		submittedAt: row.submittedAt,
		interviewedAt: row.scheduledAt
	});
}

function assertComplete(doc: ScorecardDocument, round: ScorecardRound): void {
	const issues = submissionIssues(doc, round);
	if (issues.length) throw new IncompleteError(issues);
}

/** Submits the saved working copy. After this the scorecard is read-only but for amendments. */
export async function submitScorecard(
	db: DB,
	actor: AuthUser,
	scorecardId: number,
	now = Date.now()
): Promise<{ version: number }> {
	const seat = await ownSeat(db, actor, scorecardId);
	const round = await roundOf(db, seat.roundId);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('scorecard')
			.select(['status', 'version', 'content', 'scheduledAt'])
			.where('id', '=', scorecardId)
			.executeTakeFirstOrThrow();
		if (row.status === 'submitted') throw new ConflictError('This scorecard is already submitted');
		const doc = parseDocument(row.content);
		assertComplete(doc, round);
		await trx
			.updateTable('scorecard')
			.set({
				status: 'submitted',
				submittedAt: now,
				startedAt: sql`coalesce(started_at, ${now})`,
				recommendation: doc.recommendation,
				version: row.version + 1,
				updatedAt: now
			})
			.where('id', '=', scorecardId)
			.execute();
		await writeRatingRows(trx, scorecardId, seat, round, doc, {
			submittedAt: now,
			interviewedAt: row.scheduledAt
		});
		await trx
			.insertInto('scorecardSubmission')
			.values({ scorecardId, content: row.content, reason: null, submittedBy: actor.id, submittedAt: now })
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'scorecard.submitted',
				entityType: 'scorecard',
				entityId: scorecardId
			},
			now
		);
		await refreshLoopCalibration(trx, seat.loopId);
		// Webhooks and mail count the panel's cards: a practice card is not one of them.
		if (!countsInResults(seat.seatRole)) return { version: row.version + 1 };
		const meta = { now, actorUserId: actor.id };
		const { loopId, interviewerId, roundId } = seat;
		await recordEvent(trx, 'scorecard.submitted', { loopId, scorecardId, interviewerId, roundId }, meta);
		// This scorecard was not in before, so the loop was not complete.
		await recordIfReadyForDebrief(trx, loopId, false, meta);
		return { version: row.version + 1 };
	});
}

/**
 * Changes a submitted scorecard. The reason is required, the earlier version is kept whole,
 * and the audit trail holds both; the panel sees the scorecard was amended.
 */
export async function amendScorecard(
	db: DB,
	actor: AuthUser,
	scorecardId: number,
	input: { reason: string; document: ScorecardDocument; baseVersion: number },
	now = Date.now()
): Promise<{ version: number }> {
	const seat = await ownSeat(db, actor, scorecardId);
	const round = await roundOf(db, seat.roundId);
	const reason = input.reason.trim();
	if (!reason) throw new InputError({ reason: 'Say why you are amending this scorecard' });
	if (reason.length > 1000) throw new InputError({ reason: 'Keep the reason under 1000 characters' });
	assertReferences(input.document, round);
	assertComplete(input.document, round);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('scorecard')
			.select(['status', 'version', 'content', 'submittedAt', 'scheduledAt'])
			.where('id', '=', scorecardId)
			.executeTakeFirstOrThrow();
		if (row.status !== 'submitted')
			throw new ConflictError('Only a submitted scorecard is amended; this one can still be edited');
		if (row.version !== input.baseVersion)
			throw new VersionConflictError(row.version, parseDocument(row.content));
		const content = JSON.stringify(input.document);
		await trx
			.updateTable('scorecard')
			.set({
				content,
				recommendation: input.document.recommendation,
				amendedAt: now,
				version: row.version + 1,
				updatedAt: now
			})
			.where('id', '=', scorecardId)
			.execute();
		// Ratings keep the time of the first submission: lateness and date filters are about that.
		await writeRatingRows(trx, scorecardId, seat, round, input.document, {
			submittedAt: row.submittedAt ?? now,
			interviewedAt: row.scheduledAt
		});
		await refreshLoopCalibration(trx, seat.loopId);
		await trx
			.insertInto('scorecardSubmission')
			.values({ scorecardId, content, reason, submittedBy: actor.id, submittedAt: now })
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'scorecard.amended',
				entityType: 'scorecard',
				entityId: scorecardId,
				before: parseDocument(row.content),
				after: { reason, document: input.document }
			},
			now
		);
		const { loopId, interviewerId, roundId } = seat;
		if (!countsInResults(seat.seatRole)) return { version: row.version + 1 };
		await recordEvent(
			trx,
			'scorecard.amended',
			{ loopId, scorecardId, interviewerId, roundId, version: row.version + 1 },
			{ now, actorUserId: actor.id }
		);
		return { version: row.version + 1 };
	});
}
