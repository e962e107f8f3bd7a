import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/lib/domain/retry-after';

const now = Date.UTC(2026, 10, 24, 9);

describe('waiting as long as the server asks (Retry-After)', () => {
	it('reads seconds and HTTP dates', () => {
		expect(retryDelayMs('30', now, 10_000)).toBe(30_000);
		expect(retryDelayMs(' 2 ', now, 10_000)).toBe(2_000);
		expect(retryDelayMs(new Date(now + 90_000).toUTCString(), now, 10_000)).toBe(90_000);
	});

	it('falls back when there is no header or it cannot be read', () => {
		expect(retryDelayMs(null, now, 10_000)).toBe(10_000);
		expect(retryDelayMs('', now, 10_000)).toBe(10_000);
		expect(retryDelayMs('soon', now, 10_000)).toBe(10_000);
		expect(retryDelayMs('-5', now, 10_000)).toBe(10_000);
	});

	it('neither hammers the server nor waits longer than five minutes', () => {
		expect(retryDelayMs('0', now, 10_000)).toBe(1_000);
		expect(retryDelayMs(new Date(now - 60_000).toUTCString(), now, 10_000)).toBe(1_000);
		expect(retryDelayMs('86400', now, 10_000)).toBe(300_000);
	});
});
