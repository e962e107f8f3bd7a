import { sql } from 'kysely';
import type { DB } from '../platform/db';

// Rate limits kept in the database, for several instances on one PostgreSQL database: a
// guesser spreading attempts over the instances behind a load balancer meets one count. One
// row per key in rate_limit; each change is one upsert, so two instances never count past
// each other. SQLite is one process and keeps its limits in memory (rate-limit.ts).

/** What sign-in asks of a limiter, in memory or shared. */
export interface FailureCounter {
	retryAfter(key: string, now?: number): number | Promise<number>;
	recordFailure(key: string, now?: number): void | Promise<void>;
	reset(key: string): void | Promise<void>;
}

/** What the API asks of its limiter, in memory or shared. */
export interface RequestCounter {
	take(key: string, now?: number): number | Promise<number>;
}

const day = 24 * 60 * 60_000;
let writes = 0;

/**
 * Counts one more for key: from 1 again once `windowMs` has passed since `at`. `at` becomes
 * now (the last failure) or, with `keepStart`, stays where the window began.
 */
async function countOne(db: DB, key: string, now: number, windowMs: number, keepStart: boolean) {
	const fresh = sql<boolean>`rate_limit.at > ${now - windowMs}`;
	const row = await db
		.insertInto('rateLimit')
		.values({ key, count: 1, at: now })
		.onConflict((conflict) =>
			conflict.column('key').doUpdateSet({
				count: sql<number>`case when ${fresh} then rate_limit.count + 1 else 1 end`,
				at: keepStart ? sql<number>`case when ${fresh} then rate_limit.at else ${now} end` : now
			})
		)
		.returning(['count', 'at'])
		.executeTakeFirstOrThrow();
	// Keys nobody has used for a day count for nothing: cleared now and then, not on every write.
	writes += 1;
	if (writes % 1000 === 0)
		await db
			.deleteFrom('rateLimit')
			.where('at', '<', now - day)
			.execute();
	return row;
}

async function readCount(db: DB, key: string) {
	return db.selectFrom('rateLimit').select(['count', 'at']).where('key', '=', key).executeTakeFirst();
}

/** BackoffLimiter's rule (free failures, then a doubling wait), counted in the database. */
export class SharedBackoffLimiter implements FailureCounter {
	constructor(
		readonly db: DB,
		readonly name: string,
		readonly freeFailures: number,
		readonly firstWaitMs: number,
		readonly maxWaitMs: number,
		readonly forgetAfterMs: number
	) {}

	async retryAfter(key: string, now = Date.now()): Promise<number> {
		const row = await readCount(this.db, `${this.name}:${key}`);
		if (!row || now - row.at >= this.forgetAfterMs || row.count < this.freeFailures) return 0;
		const wait = Math.min(this.maxWaitMs, this.firstWaitMs * 2 ** (row.count - this.freeFailures));
		return Math.max(0, row.at + wait - now);
	}

	async recordFailure(key: string, now = Date.now()): Promise<void> {
		await countOne(this.db, `${this.name}:${key}`, now, this.forgetAfterMs, false);
	}

	async reset(key: string): Promise<void> {
		await this.db.deleteFrom('rateLimit').where('key', '=', `${this.name}:${key}`).execute();
	}
}

/**
 * FailureLimiter's rule (at most maxFailures in a window), counted in the database over a
 * window that starts at the first failure rather than sliding: the wait ends when it closes.
 */
export class SharedFailureLimiter implements FailureCounter {
	constructor(
		readonly db: DB,
		readonly name: string,
		readonly maxFailures: number,
		readonly windowMs: number
	) {}

	async retryAfter(key: string, now = Date.now()): Promise<number> {
		const row = await readCount(this.db, `${this.name}:${key}`);
		if (!row || now - row.at >= this.windowMs || row.count < this.maxFailures) return 0;
		return row.at + this.windowMs - now;
	}

	async recordFailure(key: string, now = Date.now()): Promise<void> {
		await countOne(this.db, `${this.name}:${key}`, now, this.windowMs, true);
	}

	async reset(key: string): Promise<void> {
		await this.db.deleteFrom('rateLimit').where('key', '=', `${this.name}:${key}`).execute();
	}
}

/**
 * At most perMinute requests per key in each clock minute, counted in the database: one
 * upsert a request. (RequestLimiter, in memory, is a token bucket; a fixed minute allows a
 * burst of twice the rate across a minute's edge, which is as well for a limit this coarse.)
 */
export class SharedRequestLimiter implements RequestCounter {
	constructor(
		readonly db: DB,
		readonly perMinute: number
	) {}

	async take(key: string, now = Date.now()): Promise<number> {
		const minuteStart = now - (now % 60_000);
		const { count } = await countOne(this.db, `api:${key}`, minuteStart, 60_000, true);
		return count > this.perMinute ? minuteStart + 60_000 - now : 0;
	}
}
