import type { DB } from '../../lib/server/platform/db';
import type { DecisionOutcome } from '../../lib/domain/decision';
import { interviewEnd } from '../../lib/domain/loop-status';
import type { Recommendation, ScorecardDocument } from '../../lib/domain/scorecard';
import { noteFieldsFor } from '../../lib/domain/scorecard';
import { hour } from '../../lib/domain/time';
import type { AuthUser } from '../../lib/server/auth/session';
import { recordDecision } from '../../lib/server/evaluation/debriefs';
import { saveScorecard, submitScorecard } from '../../lib/server/evaluation/scorecards';

/** How a demo candidate comes across: a level around which the panel rates, or a split panel. */
export interface Profile {
	base: number;
	/** Half the panel rates well above, half well below: a real disagreement. */
	split?: boolean;
}

type Panelist = 'priya' | 'sam' | 'lena' | 'diego' | 'mei' | 'manager';

// Some interviewers rate kindly, some harshly, so calibration has something to find.
const leniency: Record<Panelist, number> = {
	priya: 0.5,
	sam: -0.5,
	lena: 0,
	diego: 0.25,
	mei: 0,
	manager: -0.25
};
const splitSide: Record<Panelist, number> = {
	priya: 1.2,
	diego: 1.2,
	mei: 0.6,
	sam: -1.2,
	lena: -1.3,
	manager: -0.3
};

const evidence: Record<1 | 2 | 3 | 4, string[]> = {
	1: [
		'Could not get started without heavy prompting; the answer stayed vague.',
		'Gave a textbook answer but no example of doing it themselves.'
	],
	2: [
		'Got part of the way with hints; missed cases we then discussed.',
		'The example was real but their own part in it stayed unclear.'
	],
	3: [
		'A complete answer with clear reasoning; handled the follow-ups well.',
		'Specific example, clear about what they did and what changed.'
	],
	4: [
		'Anticipated the follow-ups and explained the trade-offs unprompted.',
		'Outstanding example with measured results; raised points we had not asked about.'
	]
};

function clampRating(value: number): 1 | 2 | 3 | 4 {
	return Math.min(4, Math.max(1, Math.round(value))) as 1 | 2 | 3 | 4;
}

function recommendationFor(mean: number): Recommendation {
	return mean >= 3.5 ? 4 : mean >= 2.75 ? 3 : mean >= 2 ? 2 : 1;
}

/** Fills and submits every scorecard of a demo loop, each as its own interviewer. */
export async function fillPanel(
	db: DB,
	people: Record<Panelist, AuthUser>,
	loopId: number,
	profile: Profile,
	{ lateFor, missing }: { lateFor?: Panelist; missing?: Panelist } = {}
): Promise<void> {
	const seats = await db
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.select([
			'scorecard.id',
			'scorecard.interviewerId',
			'scorecard.scheduledAt',
			'scorecard.roundId',
			'loopRound.kind',
			'loopRound.format',
			'loopRound.durationMinutes'
		])
		.where('scorecard.loopId', '=', loopId)
		.execute();
	for (const seat of seats) {
		const who = (Object.keys(people) as Panelist[]).find((key) => people[key].id === seat.interviewerId)!;
		if (who === missing) continue;
		const [competencies, questions] = await Promise.all([
			db
				.selectFrom('loopRoundCompetency')
				.select('competencyId')
				.where('roundId', '=', seat.roundId)
				.orderBy('position')
				.execute(),
			db
				.selectFrom('loopRoundQuestion')
				.select('id')
				.where('roundId', '=', seat.roundId)
				.orderBy('position')
				.execute()
		]);
		const ratings = competencies.map(({ competencyId }, i) => {
			const wobble = (((competencyId * 7 + seat.interviewerId * 3) % 3) - 1) * 0.4;
			const rating = clampRating(profile.base + (profile.split ? splitSide[who] : leniency[who]) + wobble);
			return { competencyId, rating, notAssessedReason: null, evidence: evidence[rating][i % 2]! };
		});
		const mean = ratings.reduce((sum, r) => sum + r.rating, 0) / ratings.length;
		const recommendation = profile.split && who === 'lena' ? 1 : recommendationFor(mean);
		const field = noteFieldsFor(seat.kind, seat.format)[0]!;
		const document: ScorecardDocument = {
			recommendation,
			summary:
				recommendation >= 3
					? 'Would be a strong addition; the evidence above is consistent.'
					: recommendation === 2
						? 'Not yet at the level this role needs, though there is promise.'
						: 'Clear gaps against the bar; I would not hire for this role.',
			freeNotes: '',
			ratings,
			notes: questions.length
				? [{ questionId: questions[0]!.id, field, text: 'Started confidently; see the ratings for detail.' }]
				: []
		};
		const end = interviewEnd(seat.scheduledAt, seat.durationMinutes);
		const submittedAt = end + (who === lateFor ? 30 : 3) * hour;
		await saveScorecard(db, people[who], seat.id, 0, document, end);
		await submitScorecard(db, people[who], seat.id, submittedAt);
	}
}

export async function decide(
	db: DB,
	manager: AuthUser,
	loopId: number,
	outcome: DecisionOutcome,
	at: number
): Promise<void> {
	const attendees = await db
		.selectFrom('scorecard')
		.select('interviewerId')
		.distinct()
		.where('loopId', '=', loopId)
		.execute();
	await recordDecision(
		db,
		manager,
		loopId,
		{
			outcome,
			rationale:
				outcome === 'hire'
					? 'Strong across the technical rounds and convincing on ownership; no concerns the panel could not resolve.'
					: 'Below the bar in coding and system design, consistently across the panel.',
			dissent: outcome === 'hire' ? '' : 'Diego would have offered a second technical round.',
			attendeeIds: attendees.map((a) => a.interviewerId),
			changeReason: ''
		},
		at
	);
}
