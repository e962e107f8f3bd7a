import type { APIResponse } from '@playwright/test';
import type { Seed, SeededUser } from './fixtures';

// The autosave has two doors (decisions 014 and 017): the fast path, which takes only the
// exact address, and SvelteKit's endpoint, which the same request reaches with a query
// string. Tests send one request through both and compare what comes back.

export const doors = ['fast path', 'SvelteKit'] as const;
export type Door = (typeof doors)[number];

export function autosaveAddress(scorecardId: number, door: Door): string {
	return `/api/v1/scorecards/${scorecardId}${door === 'SvelteKit' ? '?door=sveltekit' : ''}`;
}

export interface DoorAnswer {
	status: number;
	/** The JSON object every API answer is. */
	body: Record<string, unknown>;
	headers: Record<string, string>;
}

// How the bytes travelled, not what was answered.
const transport = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Status, JSON body and every header but those of transport. */
export async function answerOf(response: APIResponse): Promise<DoorAnswer> {
	const headers = Object.fromEntries(
		response.headersArray().flatMap(({ name, value }) => {
			const key = name.toLowerCase();
			return transport.has(key) ? [] : [[key, value]];
		})
	);
	return { status: response.status(), body: (await response.json()) as Record<string, unknown>, headers };
}

/** An interviewer with two fresh scorecards (version 0), one to save through each door. */
export async function scorecardsForBothDoors(
	seed: Seed
): Promise<{ interviewer: SeededUser; ids: [number, number] }> {
	const recruiter = await seed.user('recruiter');
	const interviewer = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const ids: number[] = [];
	for (let i = 0; i < 2; i++) {
		const candidate = await seed.candidate([openingId]);
		const loop = await seed.loop(recruiter, candidate.id, openingId, [
			{ round: 0, interviewerIds: [interviewer.id], scheduledAt: Date.now() + 3_600_000 }
		]);
		ids.push(loop.scorecards[0]!.id);
	}
	return { interviewer, ids: ids as [number, number] };
}
