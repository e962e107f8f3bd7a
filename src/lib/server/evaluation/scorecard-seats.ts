import type { DB } from '../platform/db';
import type { CompetencyKind, EvidenceRule, VisibilityMode } from '../../domain/library';
import type { ScorecardRound } from '../../domain/scorecard';
import type { SeatRole } from '../../domain/seat-roles';
import type { AuthUser } from '../auth/session';
import { ForbiddenError, NotFoundError } from '../platform/errors';

// A scorecard's identity never changes once created: which round, loop and interviewer it
// belongs to, and a loop round is a frozen copy. Both are cached, so an autosave reads
// nothing before its one UPDATE.

export interface Seat {
	loopId: number;
	roundId: number;
	interviewerId: number;
	openingId: number;
	roundKind: CompetencyKind;
	seatRole: SeatRole;
}

export interface FrozenRound extends ScorecardRound {
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

export async function seatOf(db: DB, scorecardId: number): Promise<Seat> {
	const { seats } = cachesOf(db);
	const cached = seats.get(scorecardId);
	if (cached) return cached;
	const row = await db
		.selectFrom('scorecard')
		.select(['loopId', 'roundId', 'interviewerId', 'openingId', 'roundKind', 'seatRole'])
		.where('id', '=', scorecardId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such scorecard');
	return remember(seats, scorecardId, row);
}

export async function roundOf(db: DB, roundId: number): Promise<FrozenRound> {
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
export async function ownSeat(db: DB, actor: AuthUser, scorecardId: number): Promise<Seat> {
	const seat = await seatOf(db, scorecardId);
	if (seat.interviewerId !== actor.id) throw new ForbiddenError('This is another interviewer’s scorecard');
	return seat;
}

/** A scorecard found gone: its seat must not outlive it. */
export function forgetSeat(db: DB, scorecardId: number): void {
	cachesOf(db).seats.delete(scorecardId);
}
