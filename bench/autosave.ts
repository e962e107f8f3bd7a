import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import type { BenchResult } from './results';
import type { AutosaveCard } from './setup';

// Autosave under load: 50 connections, each saving its own scorecard again and again
// (If-Match follows the version each answer returns), against Panelist and against the
// bare baseline server, in the same run on the same database.

export interface LoadFigures {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	non2xx: number;
	errors: number;
	/** How many answers had each status, and one body of each kind (to tell what went wrong). */
	statuses: Record<number, { count: number; example: string }>;
}

/** An autosave body of the usual size: a summary, evidence per rating, a few notes. */
function autosaveBody(card: AutosaveCard, round: number): string {
	return JSON.stringify({
		recommendation: 3,
		summary: `Autosave ${round}. Clear structure, asked about constraints before coding, tested the edge cases.`,
		freeNotes: 'Started with a brute force, then improved it after a hint about sorting. '.repeat(6),
		ratings: card.competencyIds.map((competencyId) => ({
			competencyId: String(competencyId),
			rating: 3,
			notAssessedReason: null,
			evidence: 'Explained the trade-off between the two approaches and chose the simpler one. '.repeat(4)
		})),
		notes: []
	});
}

export async function loadAutosave(
	url: string,
	cards: AutosaveCard[],
	cookie: string | null,
	seconds: number,
	connections = 50
): Promise<LoadFigures> {
	// Each request takes a scorecard no other request is saving, and gives it back with the
	// version the answer returned (autocannon's context lives for one request only).
	// Copies, so a second run starts from the versions the first one left.
	const pool = cards.map((card) => ({ ...card }));
	const free = [...pool];
	let round = 0;
	const statuses: LoadFigures['statuses'] = {};
	const result = await autocannon({
		url,
		connections,
		duration: seconds,
		requests: [
			{
				method: 'PUT',
				setupRequest: (request, context) => {
					const card = free.pop();
					if (!card) throw new Error('more requests in flight than scorecards');
					(context as { card?: AutosaveCard }).card = card;
					round += 1;
					return {
						...request,
						path: `/api/v1/scorecards/${card.id}`,
						headers: {
							'content-type': 'application/json',
							'if-match': `"${card.version}"`,
							...(cookie ? { cookie } : {})
						},
						body: autosaveBody(card, round)
					};
				},
				onResponse: (status, body, context) => {
					statuses[status] ??= { count: 0, example: body.slice(0, 300) };
					statuses[status].count += 1;
					const card = (context as { card?: AutosaveCard }).card;
					if (!card) return;
					if (status === 200) card.version = (JSON.parse(body) as { version: number }).version;
					free.push(card);
				}
			}
		]
	});
	for (const card of pool) cards.find((c) => c.id === card.id)!.version = card.version;
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors,
		statuses
	};
}

/** Starts the baseline server on its own copy of the database (a file, or a postgres:// URL). */
export async function startBaseline(file: string, port: number): Promise<ChildProcess> {
	const script = /^postgres(ql)?:/.test(file) ? 'bench/baseline-server-pg.ts' : 'bench/baseline-server.ts';
	const child = fork(script, [file, String(port)], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc']
	});
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('exit', (code) => reject(new Error(`the baseline server stopped (${code})`)));
	});
	return child;
}

/** minRatio: the share of the baseline's throughput Panelist must reach (0.5 on PostgreSQL). */
export function autosaveResults(
	ours: LoadFigures,
	baseline: LoadFigures,
	label: string,
	minRatio = 0.4
): BenchResult[] {
	if (ours.non2xx || ours.errors || baseline.non2xx || baseline.errors) {
		throw new Error(
			`autosave load had failures: Panelist ${ours.non2xx} non-2xx / ${ours.errors} errors, baseline ${baseline.non2xx} / ${baseline.errors}: ${JSON.stringify({ ours: ours.statuses, baseline: baseline.statuses })}`
		);
	}
	return [
		{
			name: `autosave PUT, 50 connections (${label}): Panelist`,
			value: ours.requestsPerSecond,
			unit: 'req/s'
		},
		{
			name: `autosave PUT, 50 connections (${label}): node:http baseline`,
			value: baseline.requestsPerSecond,
			unit: 'req/s'
		},
		{
			name: 'autosave throughput, Panelist / baseline',
			value: ours.requestsPerSecond / baseline.requestsPerSecond,
			unit: 'ratio',
			budget: { min: minRatio }
		},
		{ name: 'autosave latency p50', value: ours.p50, unit: 'ms' },
		{ name: 'autosave latency p99', value: ours.p99, unit: 'ms', budget: { max: 50 } },
		{ name: 'baseline latency p99', value: baseline.p99, unit: 'ms' }
	];
}

/** Reads each scorecard's version back (a run that stops mid-request leaves them unknown). */
export async function refreshVersions(base: string, cookie: string, cards: AutosaveCard[]): Promise<void> {
	for (const card of cards) {
		const response = await fetch(`${base}/api/v1/scorecards/${card.id}`, { headers: { cookie } });
		card.version = ((await response.json()) as { version: number }).version;
	}
}
