import { day, hour, minute } from '../../lib/domain/time';
import type { Recommendation } from '../../lib/domain/scorecard';
import type { DecisionOutcome } from '../../lib/domain/decision';
import { personName } from './names';
import type { Random } from './random';
import type { TemplateShape } from './template-shapes';

// One loop of the synthetic history, decided before anything is written: who sits on the
// panel, what each rates, when they submit, and what the debrief decides. The draws come in
// a fixed order, so the same seed plans the same loops.

/** An interviewer with the habits the generator gives them. */
export interface Person {
	id: number;
	leniency: number;
	lateness: number;
	skipRate: number;
}

export interface Seat {
	position: number;
	round: TemplateShape['rounds'][number];
	person: Person;
	scheduledAt: number;
}

export interface PlannedScorecard {
	seat: Seat;
	values: { competency: { id: number; revisionId: number }; rating: 1 | 2 | 3 | 4 | null }[];
	recommendation: Recommendation;
	submittedAt: number;
	submitted: boolean;
}

export interface LoopPlan {
	opening: { id: number; shape: TemplateShape };
	at: number;
	candidateName: string;
	given: PlannedScorecard[];
	/** Every panelist submitted. */
	complete: boolean;
	completedAt: number | null;
	outcome: DecisionOutcome | null;
}

function clampRating(value: number): 1 | 2 | 3 | 4 {
	return Math.min(4, Math.max(1, Math.round(value))) as 1 | 2 | 3 | 4;
}

function recommendationFor(mean: number): Recommendation {
	return mean >= 3.4 ? 4 : mean >= 2.7 ? 3 : mean >= 2 ? 2 : 1;
}

/** Hours from the interview's scheduled end to submission, as calibration-upkeep.ts counts them. */
export function delayHours(
	submittedAt: number,
	seat: { scheduledAt: number; round: { durationMinutes: number } }
) {
	return (submittedAt - seat.scheduledAt - 60000 * seat.round.durationMinutes) / 3600000;
}

export function planLoop(
	random: Random,
	world: {
		openings: readonly LoopPlan['opening'][];
		people: readonly Person[];
		/** The history's first moment, its length, and how far through it this loop falls (0 to 1). */
		start: number;
		span: number;
		progress: number;
		until: number;
	}
): LoopPlan {
	const { people, until } = world;
	const opening = random.pick(world.openings);
	const shape = opening.shape;
	// Loops spread evenly over the three years, in order, so ids follow time as in life.
	const at = world.start + Math.floor(world.progress * world.span) + Math.floor(random.next() * 6) * hour;
	const recent = until - at < 3 * day;
	const candidateName = personName(random);
	const ability = { technical: random.normal(2.7, 0.6), leadership: random.normal(2.8, 0.5) };

	const used = new Set<number>();
	const seats: Seat[] = [];
	shape.rounds.forEach((round, position) => {
		const panelSize = random.next() < 0.12 ? 2 : 1;
		for (let p = 0; p < panelSize; p++) {
			let person = random.pick(people);
			while (used.has(person.id) && used.size < people.length) person = random.pick(people);
			used.add(person.id);
			seats.push({ position, round, person, scheduledAt: at + position * 75 * minute });
		}
	});
	const given = seats.map((seat): PlannedScorecard => {
		const values = seat.round.competencies.map((c) => {
			const skipped = random.next() < seat.person.skipRate;
			const value = clampRating(ability[seat.round.kind] + seat.person.leniency + random.normal(0, 0.55));
			return { competency: c, rating: skipped ? null : value };
		});
		const rated = values.filter((v) => v.rating !== null).map((v) => v.rating!);
		const mean = rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : 2.5;
		const end = seat.scheduledAt + seat.round.durationMinutes * minute;
		const delay = random.next() < seat.person.lateness ? 26 + random.next() * 60 : 1 + random.next() * 20;
		const submitted = !recent || random.next() < 0.5;
		return {
			seat,
			values,
			recommendation: recommendationFor(mean),
			submittedAt: Math.round(end + delay * hour),
			submitted
		};
	});
	const complete = given.every((g) => g.submitted);
	const completedAt = complete ? Math.max(...given.map((g) => g.submittedAt)) : null;
	const all = given.flatMap((g) => g.values).filter((v) => v.rating !== null);
	const average = all.length ? all.reduce((a, v) => a + v.rating!, 0) / all.length : 2.5;
	const decided = complete && until - completedAt! > 5 * day && random.next() < 0.92;
	const outcome = decided
		? average >= 3
			? 'hire'
			: average < 2.55
				? 'no_hire'
				: random.next() < 0.5
					? 'hold'
					: 'no_hire'
		: null;
	return { opening, at, candidateName, given, complete, completedAt, outcome };
}
