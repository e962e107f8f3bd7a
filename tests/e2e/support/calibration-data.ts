import type { Seed } from './fixtures';

const march2024 = Date.UTC(2024, 2, 12, 9);
const april2024 = Date.UTC(2024, 3, 9, 9);

/**
 * Two complete loops in March and April 2024 on a fresh opening: Priya (Coding round) rates
 * 4 then 3, Lena (Code reading round, also rating Coding and Problem solving) 2 then 3.
 */
export async function calibrationData(seed: Seed) {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer', `Morgan ${Date.now()}`);
	const priya = await seed.user('interviewer', `Priya ${Date.now()}`);
	const lena = await seed.user('interviewer', `Lena ${Date.now()}`);
	const openingId = await seed.opening([manager], `Calibration ${Date.now()}`);
	const loops = [];
	for (const [at, priyaRating, lenaRating] of [
		[march2024, 4, 2],
		[april2024, 3, 3]
	] as const) {
		const candidate = await seed.candidate([openingId]);
		const loop = await seed.loop(recruiter, candidate.id, openingId, [
			{ round: 0, interviewerIds: [priya.id], scheduledAt: at },
			{ round: 2, interviewerIds: [lena.id], scheduledAt: at }
		]);
		await seed.submitScorecard(priya, loop.scorecards[0]!.id, priyaRating, priyaRating);
		await seed.submitScorecard(lena, loop.scorecards[1]!.id, lenaRating, lenaRating);
		loops.push(loop);
	}
	return { recruiter, manager, priya, lena, openingId, loops };
}
