import fs from 'node:fs';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

// Export and import pass gigabytes of text through the heap a record at a time. Left to
// itself, V8 sizes its heap for the machine (a quarter of its memory) and lets garbage pile
// up to a gigabyte and more before collecting it, though a few tens of megabytes are live.
// These commands therefore run in a worker thread whose heap has a fixed size: V8 collects
// sooner, and the process keeps within issue 20's budget of 500 MB at a million scorecards
// (docs/performance.md, decision 032). A kill ends the worker with the process, so an import
// stays all or nothing.

/** Commands that run in a worker with a bounded heap. */
export const boundedCommands = new Set(['export', 'import']);

const defaultHeapMb = 192;
const smallestHeapMb = 64;

/** What the worker needs to know of the terminal it writes to: its stdio is a pipe. */
interface BoundedWorkerData {
	boundedArgv: string[];
	stderrIsTTY: boolean;
}

/** Whether stderr is a terminal, also inside the worker (whose own stderr is a pipe to this thread). */
export function stderrIsTerminal(): boolean {
	if (isMainThread) return Boolean(process.stderr.isTTY);
	return Boolean((workerData as BoundedWorkerData | null)?.stderrIsTTY);
}

/** The command line of the worker running a bounded command; undefined anywhere else. */
export function boundedArgv(): string[] | undefined {
	return isMainThread ? undefined : (workerData as BoundedWorkerData | null)?.boundedArgv;
}

/** The heap a bounded command may use, from CLI_HEAP_MB; a bad value is said plainly. */
export function heapLimitMb(env: NodeJS.ProcessEnv = process.env): number {
	const raw = env.CLI_HEAP_MB?.trim();
	if (!raw) return defaultHeapMb;
	const mb = Number(raw);
	if (!/^\d+$/.test(raw) || mb < smallestHeapMb)
		throw new Error(
			`CLI_HEAP_MB must be a whole number of megabytes, at least ${smallestHeapMb}; it is "${raw}"`
		);
	return mb;
}

export interface BoundedRun {
	/** The module to run: it reads boundedArgv() and answers with postMessage({ exitCode }). */
	entry: URL;
	argv: string[];
	heapMb: number;
	/** A file the command creates, removed when the worker dies midway (an export's target). */
	createsFile?: string;
}

/**
 * Runs a command in a worker with a heap of `heapMb` and answers its exit status. A worker
 * that runs out of that heap is stopped by V8; the command then fails saying so and how to
 * give it more, having changed nothing (an import's transaction is never committed; an
 * export's half-written file is removed).
 */
export function runWithBoundedHeap({ entry, argv, heapMb, createsFile }: BoundedRun): Promise<number> {
	const fileExisted = createsFile !== undefined && fs.existsSync(createsFile);
	const worker = new Worker(entry, {
		workerData: { boundedArgv: argv, stderrIsTTY: Boolean(process.stderr.isTTY) } satisfies BoundedWorkerData,
		// A young generation of 64 MB: with 16 the records of a batch outlived it and piled up in
		// the old one, which doubled the import's time at a million scorecards (decision 032).
		resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 }
	});
	return new Promise((resolve) => {
		let exitCode: number | undefined;
		let failure: Error | undefined;
		worker.on('message', (message: { exitCode?: number }) => (exitCode = message.exitCode));
		worker.on('error', (error) => (failure = error));
		worker.on('exit', () => {
			if (exitCode !== undefined && !failure) return resolve(exitCode);
			if (createsFile !== undefined && !fileExisted) fs.rmSync(createsFile, { force: true });
			const outOfMemory = (failure as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
			console.error(
				outOfMemory
					? `panelist ${argv[0]}: ran out of memory (the command may use ${heapMb} MB; set CLI_HEAP_MB to give it more). Nothing was changed.`
					: `panelist ${argv[0]}: stopped unexpectedly: ${failure?.message ?? 'no exit status'}. Nothing was changed.`
			);
			resolve(1);
		});
	});
}
