import type { BenchResult } from './results';
import { timeRequests, type Timing } from './support';

// Server-side time of the pages a hiring manager opens, one request after another after a
// warm-up: loop results (page and JSON), the comparison, the calibration page.

export interface PageTimings {
	resultsPage: Timing;
	resultsJson: Timing;
}

export async function timeResults(
	base: string,
	cookie: string,
	loopId: number,
	runs: number
): Promise<PageTimings> {
	return {
		resultsPage: await timeRequests(`${base}/loops/${loopId}/results`, cookie, runs),
		resultsJson: await timeRequests(`${base}/api/v1/loops/${loopId}/results`, cookie, runs)
	};
}

export function resultsFigures(small: PageTimings, large: PageTimings, largeLabel: string): BenchResult[] {
	return [
		{
			name: 'loop results page, 1,000 scorecards, p50',
			value: small.resultsPage.p50,
			unit: 'ms',
			budget: { max: 20 }
		},
		{
			name: 'loop results JSON, 1,000 scorecards, p50',
			value: small.resultsJson.p50,
			unit: 'ms',
			budget: { max: 20 }
		},
		{
			name: `loop results page, ${largeLabel}, p50`,
			value: large.resultsPage.p50,
			unit: 'ms',
			budget: { max: 20 }
		},
		{
			name: `loop results JSON, ${largeLabel}, p50`,
			value: large.resultsJson.p50,
			unit: 'ms',
			budget: { max: 20 }
		},
		{
			name: `loop results page, ${largeLabel} / 1,000`,
			value: large.resultsPage.p50 / small.resultsPage.p50,
			unit: 'ratio',
			budget: { max: 1.5 }
		},
		{
			name: `loop results JSON, ${largeLabel} / 1,000`,
			value: large.resultsJson.p50 / small.resultsJson.p50,
			unit: 'ratio',
			budget: { max: 1.5 }
		}
	];
}

export async function comparisonFigures(
	base: string,
	cookie: string,
	openingId: number,
	runs: number,
	largeLabel: string
): Promise<BenchResult[]> {
	const page = await timeRequests(`${base}/openings/${openingId}/comparison`, cookie, runs);
	return [
		{
			name: `comparison page, 50 candidates (${largeLabel}), p50`,
			value: page.p50,
			unit: 'ms',
			budget: { max: 50 }
		},
		{ name: `comparison page, 50 candidates (${largeLabel}), p95`, value: page.p95, unit: 'ms' }
	];
}

/**
 * The calibration page over the twelve months before the generated organisation's last
 * interview: for an admin (everyone, from the monthly totals), filtered to one opening, and
 * for a hiring manager (their openings, counted directly).
 */
export async function calibrationFigures(
	base: string,
	admin: string,
	manager: { cookie: string; openingId: number },
	runs: number,
	largeLabel: string
): Promise<BenchResult[]> {
	const url = (query: string) => `${base}/calibration?from=2025-11-01&to=2026-10-31${query}`;
	const everyone = await timeRequests(url(''), admin, runs);
	const opening = await timeRequests(url(`&opening=${manager.openingId}`), admin, runs);
	const managed = await timeRequests(url(''), manager.cookie, runs);
	return [
		{ name: `calibration page, 12 months, everyone (${largeLabel}), p50`, value: everyone.p50, unit: 'ms' },
		{
			name: `calibration page, 12 months, everyone (${largeLabel}), p95`,
			value: everyone.p95,
			unit: 'ms',
			budget: { max: 1000 }
		},
		{
			name: `calibration page, 12 months, one opening (${largeLabel}), p95`,
			value: opening.p95,
			unit: 'ms',
			budget: { max: 1000 }
		},
		{
			name: `calibration page, 12 months, as a hiring manager (${largeLabel}), p95`,
			value: managed.p95,
			unit: 'ms',
			budget: { max: 1000 }
		}
	];
}
