import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heapLimitMb, runWithBoundedHeap } from '../../../src/cli/bounded-heap';

// Export and import run in a worker thread with a fixed heap (issue 20's memory budget).

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

afterEach(() => vi.restoreAllMocks());

describe('commands with a bounded heap', () => {
	it('run in a worker whose heap has the size given, and answer its exit status', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-bounded-'));
		const out = path.join(dir, 'out.txt');
		try {
			const status = await runWithBoundedHeap({
				entry: fixture('answering-worker.mjs'),
				argv: ['export', out, '--quiet'],
				heapMb: 96
			});
			expect(status).toBe(3);
			const line = fs.readFileSync(out, 'utf8');
			expect(line).toMatch(/^export \S+ --quiet within \d+ MB$/);
			// V8 adds its young generation to the limit it reports.
			const limit = Number(/within (\d+) MB/.exec(line)![1]);
			expect(limit).toBeGreaterThanOrEqual(96);
			expect(limit).toBeLessThan(200);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('fail saying the memory ran out and how to give more, and remove the half-written file', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-bounded-'));
		const target = path.join(dir, 'organisation.json');
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const status = await runWithBoundedHeap({
				entry: fixture('hungry-worker.mjs'),
				argv: ['export', target],
				heapMb: 64,
				createsFile: target
			});
			expect(status).toBe(1);
			expect(String(error.mock.calls[0]?.[0])).toBe(
				'panelist export: ran out of memory (the command may use 64 MB; set CLI_HEAP_MB to give it more). Nothing was changed.'
			);
			expect(fs.existsSync(target)).toBe(false);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('take their heap from CLI_HEAP_MB, refusing a value that is not a sensible size', () => {
		expect(heapLimitMb({})).toBe(192);
		expect(heapLimitMb({ CLI_HEAP_MB: ' 512 ' })).toBe(512);
		for (const bad of ['lots', '12', '1.5', '-200'])
			expect(() => heapLimitMb({ CLI_HEAP_MB: bad })).toThrow(
				`CLI_HEAP_MB must be a whole number of megabytes, at least 64; it is "${bad}"`
			);
	});
});
