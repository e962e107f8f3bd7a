import { interviewEnd } from '../../domain/loop-status';
import type { AuthUser } from '../auth/session';
import { issueToken, parseToken, secretMatches } from '../auth/secret-token';
import type { DB } from '../platform/db';
import { recordAudit } from '../platform/audit';
import { buildInterviewFeed } from './calendar';

// Each interviewer may have one secret feed URL listing their interviews, for a calendar app
// to subscribe to. Only a hash of the secret is kept; a new URL replaces the old one, and
// revoking it stops it at once. It lists times, rounds, candidates and the kit's link: no
// feedback, and nothing of anyone else's.

export const calendarFeedPrefix = 'pcal_';

/** The feed carries the latest interviews by time, future ones first, so it stays small however long someone has interviewed. */
const feedLimit = 200;

export async function getCalendarFeedStatus(db: DB, actor: AuthUser): Promise<{ createdAt: number } | null> {
	const row = await db
		.selectFrom('calendarFeed')
		.select('createdAt')
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	return row ?? null;
}

/** A new feed token for the actor, replacing any earlier one; shown once. */
export async function createCalendarFeed(db: DB, actor: AuthUser, now = Date.now()): Promise<string> {
	const { id, secretHash, token } = issueToken(calendarFeedPrefix);
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('calendarFeed').where('userId', '=', actor.id).execute();
		await trx
			.insertInto('calendarFeed')
			.values({ userId: actor.id, tokenId: id, secretHash, createdAt: now })
			.execute();
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'calendar_feed.created', entityType: 'user', entityId: actor.id },
			now
		);
	});
	return token;
}

export async function revokeCalendarFeed(db: DB, actor: AuthUser, now = Date.now()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const removed = await trx.deleteFrom('calendarFeed').where('userId', '=', actor.id).executeTakeFirst();
		if (Number(removed.numDeletedRows) === 0) return;
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'calendar_feed.revoked', entityType: 'user', entityId: actor.id },
			now
		);
	});
}

/**
 * The iCalendar text of the feed the token opens, or null when the token is unknown,
 * replaced or revoked, or its holder is deactivated.
 */
export async function readCalendarFeed(db: DB, token: string, origin: string): Promise<string | null> {
	const parsed = parseToken(token, calendarFeedPrefix);
	if (!parsed) return null;
	const feed = await db
		.selectFrom('calendarFeed')
		.innerJoin('user', 'user.id', 'calendarFeed.userId')
		.select(['calendarFeed.secretHash', 'user.id', 'user.deactivatedAt'])
		.where('calendarFeed.tokenId', '=', parsed.id)
		.executeTakeFirst();
	if (!feed || feed.deactivatedAt !== null || !secretMatches(parsed.secret, feed.secretHash)) return null;
	const rows = await db
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('opening', 'opening.id', 'loop.openingId')
		.select([
			'scorecard.id',
			'scorecard.scheduledAt',
			'loopRound.title as roundTitle',
			'loopRound.durationMinutes',
			'candidate.name as candidateName',
			'opening.title as openingTitle'
		])
		.where('scorecard.interviewerId', '=', feed.id)
		.where('loop.cancelledAt', 'is', null)
		.orderBy('scorecard.scheduledAt', 'desc')
		.limit(feedLimit)
		.execute();
	return buildInterviewFeed(
		rows.map((r) => ({
			scorecardId: r.id,
			start: r.scheduledAt,
			end: interviewEnd(r.scheduledAt, r.durationMinutes),
			roundTitle: r.roundTitle,
			candidateName: r.candidateName,
			openingTitle: r.openingTitle,
			kitUrl: `${origin}/interviews/${r.id}`
		})),
		origin
	);
}
