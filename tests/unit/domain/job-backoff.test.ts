import { expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/lib/domain/job-backoff';
import { hour } from '../../../src/lib/domain/time';

it('waits 30 s after the first failure, doubling per failure up to 6 hours, less up to half of it at random', () => {
	expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0.999_999))).toEqual([
		30_000, 60_000, 120_000, 240_000
	]);
	expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0))).toEqual([15_000, 30_000, 60_000, 120_000]);
	expect(retryDelayMs(20, () => 0.5)).toBe(4.5 * hour);
	expect(retryDelayMs(20, () => 0)).toBe(3 * hour);
	const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)));
	expect(spread.size).toBeGreaterThan(1);
});
