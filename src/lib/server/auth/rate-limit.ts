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
