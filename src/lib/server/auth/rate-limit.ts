/**
 * Counts failures per key in a sliding window held in memory. Panelist runs as one
 * process, so memory is the whole truth; a restart forgives everyone, which is acceptable
 * for sign-in throttling.
 */
export class FailureLimiter {
	readonly #failures = new Map<string, number[]>();

	constructor(
		readonly maxFailures: number,
		readonly windowMs: number
	) {}

	/** Milliseconds until the key may try again, or 0 when it may try now. */
	retryAfter(key: string, now = Date.now()): number {
		const recent = this.#recent(key, now);
		if (recent.length < this.maxFailures) return 0;
		return recent[recent.length - this.maxFailures]! + this.windowMs - now;
	}

	recordFailure(key: string, now = Date.now()): void {
		const recent = this.#recent(key, now);
		recent.push(now);
		this.#failures.set(key, recent);
		if (this.#failures.size > 10_000) this.#prune(now);
	}

	reset(key: string): void {
		this.#failures.delete(key);
	}

	#recent(key: string, now: number): number[] {
		return (this.#failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
	}

	#prune(now: number): void {
		for (const [key, times] of this.#failures) {
			if (times.every((at) => now - at >= this.windowMs)) this.#failures.delete(key);
		}
	}
}

/**
 * Lets a key fail `freeFailures` times, then makes it wait after each further failure:
 * `firstWaitMs`, doubling each time, never more than `maxWaitMs`. A key that stays quiet
 * for `forgetAfterMs` starts afresh. Unlike a flat lock, the wait always ends, and soon for
 * someone who stops guessing. In memory, like FailureLimiter (one process).
 */
export class BackoffLimiter {
	readonly #keys = new Map<string, { failures: number; lastAt: number }>();

	constructor(
		readonly freeFailures: number,
		readonly firstWaitMs: number,
		readonly maxWaitMs: number,
		readonly forgetAfterMs: number
	) {}

	/** Milliseconds until the key may try again, or 0 when it may try now. */
	retryAfter(key: string, now = Date.now()): number {
		const entry = this.#current(key, now);
		if (!entry || entry.failures < this.freeFailures) return 0;
		const wait = Math.min(this.maxWaitMs, this.firstWaitMs * 2 ** (entry.failures - this.freeFailures));
		return Math.max(0, entry.lastAt + wait - now);
	}

	recordFailure(key: string, now = Date.now()): void {
		const failures = (this.#current(key, now)?.failures ?? 0) + 1;
		this.#keys.set(key, { failures, lastAt: now });
		if (this.#keys.size > 10_000) this.#prune(now);
	}

	reset(key: string): void {
		this.#keys.delete(key);
	}

	#current(key: string, now: number) {
		const entry = this.#keys.get(key);
		return entry && now - entry.lastAt < this.forgetAfterMs ? entry : undefined;
	}

	#prune(now: number): void {
		for (const [key, entry] of this.#keys)
			if (now - entry.lastAt >= this.forgetAfterMs) this.#keys.delete(key);
	}
}

/**
 * A token bucket per key: `perMinute` requests a minute on average, with bursts up to the
 * same number. In memory, like FailureLimiter (one process).
 */
export class RequestLimiter {
	readonly #buckets = new Map<string, { tokens: number; at: number }>();

	constructor(readonly perMinute: number) {}

	/** Takes one request from the key's bucket: 0 when allowed, else milliseconds to wait. */
	take(key: string, now = Date.now()): number {
		const rate = this.perMinute / 60_000;
		const bucket = this.#buckets.get(key) ?? { tokens: this.perMinute, at: now };
		bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
		bucket.at = now;
		this.#buckets.set(key, bucket);
		if (this.#buckets.size > 10_000) this.#prune(now);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.ceil((1 - bucket.tokens) / rate);
	}

	#prune(now: number): void {
		// A minute untouched refills any bucket: forgetting it changes nothing.
		for (const [key, bucket] of this.#buckets) if (now - bucket.at >= 60_000) this.#buckets.delete(key);
	}
}

/** A wait as people say it, rounded up to whole minutes: "1 minute", "15 minutes". */
export function describeWait(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
