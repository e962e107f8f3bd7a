import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/cli/progress';

function output(isTTY: boolean) {
	const written: string[] = [];
	return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progress of export and import', () => {
	it('draws a bar with the share done, the count and the rate on a terminal', () => {
		const terminal = output(true);
		const progress = createProgress('import', { output: terminal });
		progress.update({ stage: 'checking and writing', records: 2500, fraction: 0.5 });
		progress.end();
		expect(terminal.written[0]).toMatch(
			/^\r\[#{15} {15}\] 50% 2,500 records, [\d,]+\/s, checking and writing/
		);
		expect(terminal.written.at(-1)).toBe('\n');
	});

	it('writes one line per stage elsewhere, and nothing when quiet', () => {
		const log = output(false);
		const progress = createProgress('export', { output: log });
		for (const records of [10, 20]) progress.update({ stage: 'loops', records, fraction: 0.5 });
		progress.update({ stage: 'audit events', records: 30, fraction: 1 });
		progress.end();
		expect(log.written).toEqual(['export: loops…\n', 'export: audit events…\n']);

		const quiet = output(true);
		createProgress('export', { quiet: true, output: quiet }).update({ stage: 'loops', records: 1 });
		expect(quiet.written).toEqual([]);
	});
});
