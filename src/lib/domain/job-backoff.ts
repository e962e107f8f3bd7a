import { hour, minute } from './time';

// When a failed job runs again (decision 020): exponential backoff with jitter, so a receiver
// that is down is not hammered and jobs that failed together do not all come back together.

/** Attempts before a job is left dead for an admin to retry. */
export const maxJobAttempts = 8;

const firstDelayMs = 30_000;
const longestDelayMs = 6 * hour;

/**
 * The wait before attempt `attempts + 1`, after `attempts` failed runs: 30 s doubled per
 * failure up to 6 h, of which a random half is taken off ("equal jitter": never less than half
 * the step, so the backoff still grows). `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
	const step = Math.min(longestDelayMs, firstDelayMs * 2 ** Math.max(0, attempts - 1));
	return Math.round(step / 2 + (step / 2) * random());
}

/** How long a claimed job is its worker's alone; after that another may take it (a crash). */
export const defaultJobLeaseMs = 2 * minute;
