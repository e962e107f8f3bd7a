// Progress of a long command on stderr: on a terminal a bar redrawn in place with counts and
// rate; otherwise (a log, a pipe) one line as each stage starts, so logs stay readable.

import { stderrIsTerminal } from './bounded-heap';

export interface StageProgress {
	stage: string;
	records: number;
	/** 0 to 1, when known. */
	fraction?: number;
}

interface Output {
	isTTY?: boolean;
	write(text: string): unknown;
}

export function createProgress(command: string, options: { quiet?: boolean; output?: Output } = {}) {
	// Export and import run in a worker whose stderr is a pipe to the terminal's thread.
	const output = options.output ?? {
		isTTY: stderrIsTerminal(),
		write: (text: string) => process.stderr.write(text)
	};
	const started = performance.now();
	let stage = '';
	let drawn = 0;
	let open = false;
	return {
		update(progress: StageProgress): void {
			if (options.quiet) return;
			const now = performance.now();
			if (!output.isTTY) {
				if (progress.stage !== stage) output.write(`${command}: ${progress.stage}…\n`);
				stage = progress.stage;
				return;
			}
			// A redraw at most ten times a second, and always at a new stage.
			if (progress.stage === stage && now - drawn < 100) return;
			stage = progress.stage;
			drawn = now;
			open = true;
			const seconds = Math.max((now - started) / 1000, 0.001);
			const rate = Math.round(progress.records / seconds).toLocaleString('en');
			const width = 30;
			const fraction = progress.fraction ?? 0;
			const filled = Math.round(fraction * width);
			const percent = progress.fraction === undefined ? '' : ` ${Math.floor(fraction * 100)}%`;
			output.write(
				`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}]${percent} ${progress.records.toLocaleString('en')} records, ${rate}/s, ${progress.stage}\u001b[K`
			);
		},
		/** Ends the bar's line before the command prints its result. */
		end(): void {
			if (open) output.write('\n');
			open = false;
		}
	};
}
