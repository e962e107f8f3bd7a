import { sql } from 'kysely';
import type { DB } from '../platform/db';
import { runHot } from '../platform/hot-statements';
import { autosaveUpdate } from './autosave-statement';
import type { CompetencyKind, EvidenceRule, VisibilityMode } from '../../domain/library';
import { isLate } from '../../domain/loop-status';
import {
	emptyDocument,
	referenceIssues,
	submissionIssues,
	type ScorecardDocument,
	type ScorecardRound
} from '../../domain/scorecard';
import type { ScorecardStatus } from '../platform/schema';
import type { AuthUser } from '../auth/session';
import { recordAudit } from '../platform/audit';
import { refreshLoopCalibration } from '../calibration/calibration-upkeep';
import { assertFeedbackVisible } from '../access/feedback-access';
import {
	ConflictError,
	ForbiddenError,
	IncompleteError,
	InputError,
	NotFoundError,
	VersionConflictError
} from '../platform/errors';

// A scorecard's identity never changes once created: which round, loop and interviewer it
// belongs to, and a loop round is a frozen copy. Both are cached, so an autosave reads
// nothing before its one UPDATE.

interface Seat {
	loopId: number;
	roundId: number;
	interviewerId: number;
	openingId: number;
	roundKind: CompetencyKind;
}

interface FrozenRound extends ScorecardRound {
	visibilityMode: VisibilityMode;
	competencies: { id: number; name: string; revisionId: number }[];
}

const cacheLimit = 5_000;
// Per database, since ids are only unique within one (tests open many).
const caches = new WeakMap<DB, { seats: Map<number, Seat>; rounds: Map<number, FrozenRound> }>();

function cachesOf(db: DB) {
	let entry = caches.get(db);
	if (!entry) {
		entry = { seats: new Map(), rounds: new Map() };
		caches.set(db, entry);
	}
	return entry;
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
	if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as K);
	cache.set(key, value);
	return value;
}

async function seatOf(db: DB, scorecardId: number): Promise<Seat> {
	const { seats } = cachesOf(db);
	const cached = seats.get(scorecardId);
	if (cached) return cached;
	const row = await db
		.selectFrom('scorecard')
		.select(['loopId', 'roundId', 'interviewerId', 'openingId', 'roundKind'])
		.where('id', '=', scorecardId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such scorecard');
	return remember(seats, scorecardId, row);
}

async function roundOf(db: DB, roundId: number): Promise<FrozenRound> {
	const { rounds } = cachesOf(db);
	const cached = rounds.get(roundId);
	if (cached) return cached;
	const [round, competencies, questions] = await Promise.all([
		db
			.selectFrom('loopRound')
			.innerJoin('loop', 'loop.id', 'loopRound.loopId')
			.select(['loopRound.kind', 'loopRound.format', 'loop.evidenceRule', 'loop.visibilityMode'])
			.where('loopRound.id', '=', roundId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('loopRoundCompetency as lrc')
			.innerJoin('competencyRevision as rev', 'rev.id', 'lrc.revisionId')
			.select(['lrc.competencyId as id', 'rev.name', 'lrc.revisionId'])
			.where('lrc.roundId', '=', roundId)
			.orderBy('lrc.position')
			.execute(),
		db
			.selectFrom('loopRoundQuestion')
			.select('id')
			.where('roundId', '=', roundId)
			.orderBy('position')
			.execute()
	]);
	return remember(rounds, roundId, {
		kind: round.kind,
		format: round.format,
		evidenceRule: round.evidenceRule as EvidenceRule,
		visibilityMode: round.visibilityMode,
		competencies,
		questions
	});
}

/** The seat of a scorecard the actor fills; anyone else is refused. */
async function ownSeat(db: DB, actor: AuthUser, scorecardId: number): Promise<Seat> {
	const seat = await seatOf(db, scorecardId);
	if (seat.interviewerId !== actor.id) throw new ForbiddenError('This is another interviewer’s scorecard');
	return seat;
}

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
		cachesOf(db).seats.delete(scorecardId);
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
		return { version: row.version + 1 };
	});
}

export interface ScorecardView {
	id: number;
	loopId: number;
	interviewerId: number;
	version: number;
	status: ScorecardStatus;
	startedAt: number | null;
	submittedAt: number | null;
	amendedAt: number | null;
	late: boolean;
	document: ScorecardDocument;
}

/**
 * A scorecard as its owner sees it, or as a colleague may once the independence rule lets
 * them see the loop's feedback (and only once it is submitted).
 */
export async function getScorecard(db: DB, actor: AuthUser, scorecardId: number): Promise<ScorecardView> {
	const seat = await seatOf(db, scorecardId);
	const row = await db
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.select([
			'scorecard.version',
			'scorecard.status',
			'scorecard.startedAt',
			'scorecard.submittedAt',
			'scorecard.amendedAt',
			'scorecard.scheduledAt',
			'scorecard.content',
			'loopRound.durationMinutes'
		])
		.where('scorecard.id', '=', scorecardId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such scorecard');
	if (seat.interviewerId !== actor.id) {
		await assertFeedbackVisible(db, actor, seat.loopId);
		if (row.status !== 'submitted') throw new NotFoundError('This scorecard is not submitted yet');
	}
	return {
		id: scorecardId,
		loopId: seat.loopId,
		interviewerId: seat.interviewerId,
		version: row.version,
		status: row.status,
		startedAt: row.startedAt,
		submittedAt: row.submittedAt,
		amendedAt: row.amendedAt,
		late: isLate(row),
		document: parseDocument(row.content)
	};
}

/** Everything submitted of this scorecard, oldest first: the original and each amendment with its reason. */
export async function listSubmissions(db: DB, actor: AuthUser, scorecardId: number) {
	await getScorecard(db, actor, scorecardId);
	const rows = await db
		.selectFrom('scorecardSubmission')
		.select(['id', 'content', 'reason', 'submittedAt'])
		.where('scorecardId', '=', scorecardId)
		.orderBy('submittedAt')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		reason: r.reason,
		submittedAt: r.submittedAt,
		document: parseDocument(r.content)
	}));
}
