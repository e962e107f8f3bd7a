import { newWorkerId, runDueJobs, type RunOptions } from './run-jobs';
import type { DB } from '../platform/db';
import './job-kinds';

// The worker inside the server process (decision 020): a pass over the due jobs about every
// second. Started when the server starts (hooks.server.ts), stopped before it exits.

export interface JobWorker {
	/** Claims nothing more and resolves once the job in hand is finished. */
	stop: () => Promise<void>;
}

export function startJobWorker(
	db: DB,
	options: Omit<RunOptions, 'stopping' | 'workerId'> & { pollMs?: number } = {}
): JobWorker {
	const workerId = newWorkerId();
	const pollMs = options.pollMs ?? 1000;
	let stopping = false;
	let timer: NodeJS.Timeout | undefined;
	let pass: Promise<void> = Promise.resolve();

	const tick = () => {
		pass = runDueJobs(db, { ...options, workerId, stopping: () => stopping })
			.then(
				() => undefined,
				// A pass that fails (the database away for a moment) is tried again next tick.
				(error: unknown) => console.error('Job worker:', error instanceof Error ? error.message : error)
			)
			.then(() => {
				if (!stopping) timer = setTimeout(tick, pollMs);
			});
	};
	timer = setTimeout(tick, 0);

	return {
		async stop() {
			stopping = true;
			clearTimeout(timer);
			await pass;
		}
	};
}
