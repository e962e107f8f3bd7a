import type SQLite from 'better-sqlite3';
import { delayBand, type InterviewerSums } from '../../lib/domain/calibration-sums';
import type { CompetencyKind } from '../../lib/domain/library';
import { day } from '../../lib/domain/time';
import { multiRowInserter } from './bulk-load';
import type { createMonthTotals } from './month-totals';
import { delayHours, type LoopPlan } from './loop-plan';
import { evidence } from './names';

// Writes a planned loop with prepared statements, and fills the derived columns the app
// keeps (completeness, leniency deviations, rating units, monthly totals) as it goes.

function prepareStatements(sqlite: SQLite.Database) {
	return {
		candidate: sqlite.prepare(
			"insert into candidate (name, email, notes, created_at, updated_at) values (?, ?, '', ?, ?)"
		),
		candidateOpening: sqlite.prepare(
			'insert into candidate_opening (candidate_id, opening_id, added_at) values (?, ?, ?)'
		),
		loop: sqlite.prepare(
			"insert into loop (candidate_id, opening_id, template_id, template_name, visibility_mode, evidence_rule, completed_at, outcome, created_at, updated_at) values (?, ?, ?, ?, ?, 'required', ?, ?, ?, ?)"
		),
		rounds: multiRowInserter(
			sqlite,
			'insert into loop_round (loop_id, position, title, kind, format, duration_minutes)',
			6
		),
		roundCompetencies: multiRowInserter(
			sqlite,
			'insert into loop_round_competency (round_id, competency_id, revision_id, position)',
			4
		),
		roundQuestions: multiRowInserter(
			sqlite,
			'insert into loop_round_question (round_id, question_id, revision_id, position)',
			4
		),
		scorecards: multiRowInserter(
			sqlite,
			'insert into scorecard (loop_id, round_id, interviewer_id, scheduled_at, status, version, started_at, submitted_at, content, recommendation, opening_id, round_kind, complete, delay_hours, loop_outcome, created_at, updated_at)',
			17
		),
		ratings: multiRowInserter(
			sqlite,
			'insert into scorecard_rating (scorecard_id, loop_id, interviewer_id, competency_id, revision_id, rating, submitted_at, interviewed_at, opening_id, round_kind, complete, others_mean)',
			12
		),
		units: multiRowInserter(
			sqlite,
			'insert into rating_unit (loop_id, competency_id, opening_id, round_kind, interviewed_at, n1, n2, n3, n4, not_assessed)',
			10
		),
		decision: sqlite.prepare(
			"insert into loop_decision (loop_id, outcome, rationale, dissent, attendees, decided_by, decided_at) values (?, ?, ?, '', '[]', ?, ?)"
		)
	};
}

type Statements = ReturnType<typeof prepareStatements>;

/** The loop's rounds, copied from its template's shape; answers their ids in order. */
function writeRounds(statements: Statements, loopId: number, shape: LoopPlan['opening']['shape']): number[] {
	const roundCompetencies: unknown[][] = [];
	const roundQuestions: unknown[][] = [];
	const firstRound = statements.rounds(
		shape.rounds.map((round, position) => [
			loopId,
			position,
			round.title,
			round.kind,
			round.format,
			round.durationMinutes
		])
	);
	const roundIds = shape.rounds.map((round, position) => {
		const roundId = firstRound + position;
		round.competencies.forEach((c, i) => roundCompetencies.push([roundId, c.id, c.revisionId, i]));
		round.questions.forEach((q, i) => roundQuestions.push([roundId, q.id, q.revisionId, i]));
		return roundId;
	});
	statements.roundCompetencies(roundCompetencies);
	statements.roundQuestions(roundQuestions);
	return roundIds;
}

/** The scorecards as the app stores them; answers the first one's id. */
function writeScorecards(statements: Statements, loopId: number, roundIds: number[], plan: LoopPlan): number {
	const { given, complete, outcome, opening } = plan;
	return statements.scorecards(
		given.map((g) => {
			const { seat } = g;
			const document = {
				recommendation: g.submitted ? g.recommendation : null,
				summary: g.submitted ? 'Generated summary of the interview.' : '',
				freeNotes: '',
				ratings: g.values.map((v) => ({
					competencyId: v.competency.id,
					rating: v.rating,
					notAssessedReason: v.rating === null ? 'Ran out of time.' : null,
					evidence: v.rating === null ? '' : evidence[v.rating]
				})),
				notes: []
			};
			return [
				loopId,
				roundIds[seat.position],
				seat.person.id,
				seat.scheduledAt,
				g.submitted ? 'submitted' : 'draft',
				2,
				seat.scheduledAt,
				g.submitted ? g.submittedAt : null,
				JSON.stringify(document),
				g.submitted ? g.recommendation : null,
				opening.id,
				seat.round.kind,
				complete ? 1 : 0,
				g.submitted ? delayHours(g.submittedAt, seat) : null,
				outcome,
				seat.scheduledAt,
				g.submitted ? g.submittedAt : seat.scheduledAt
			];
		})
	);
}

/** The rating units of a complete loop: per competency, how many gave each rating. */
function writeUnits(
	statements: Statements,
	months: ReturnType<typeof createMonthTotals>,
	loopId: number,
	plan: LoopPlan
): void {
	const units = new Map<number, { kind: CompetencyKind; at: number; counts: number[]; na: number }>();
	for (const g of plan.given) {
		for (const v of g.values) {
			const unit = units.get(v.competency.id) ?? {
				kind: g.seat.round.kind,
				at: g.seat.scheduledAt,
				counts: [0, 0, 0, 0],
				na: 0
			};
			if (v.rating === null) unit.na += 1;
			else unit.counts[v.rating - 1]! += 1;
			units.set(v.competency.id, unit);
		}
	}
	for (const [competencyId, u] of units) months.addUnit(u.at, competencyId, u.kind, u.counts, u.na);
	statements.units(
		[...units].map(([competencyId, u]) => [
			loopId,
			competencyId,
			plan.opening.id,
			u.kind,
			u.at,
			...u.counts,
			u.na
		])
	);
}

export function createLoopWriter(sqlite: SQLite.Database, months: ReturnType<typeof createMonthTotals>) {
	const statements = prepareStatements(sqlite);
	/** Writes the loop numbered `number` (from 1); answers how many scorecards and ratings it wrote. */
	return (plan: LoopPlan, number: number): { scorecards: number; ratings: number } => {
		const { opening, at, given, complete, completedAt, outcome } = plan;
		const shape = opening.shape;
		const candidateId = Number(
			statements.candidate.run(plan.candidateName, `candidate${number}@generated.example`, at, at)
				.lastInsertRowid
		);
		statements.candidateOpening.run(candidateId, opening.id, at);
		const loopId = Number(
			statements.loop.run(
				candidateId,
				opening.id,
				shape.id,
				shape.name,
				shape.visibilityMode,
				completedAt,
				outcome,
				at,
				at
			).lastInsertRowid
		);
		const roundIds = writeRounds(statements, loopId, shape);
		const firstScorecard = writeScorecards(statements, loopId, roundIds, plan);

		const ratingRows: unknown[][] = [];
		for (const [index, g] of given.entries()) {
			const { seat } = g;
			const scorecardId = firstScorecard + index;
			if (!g.submitted) continue;
			const month = complete ? months.interviewer(seat.scheduledAt, seat.person.id, seat.round.kind) : null;
			if (month) {
				const delay = delayHours(g.submittedAt, seat);
				month.scorecards += 1;
				month[`rec${g.recommendation}`] += 1;
				if (delay > 24) month.late += 1;
				if (outcome === 'hire' || outcome === 'no_hire') month.decided += 1;
				if ((outcome === 'hire' && g.recommendation >= 3) || (outcome === 'no_hire' && g.recommendation <= 2))
					month.matched += 1;
				month[`d${delayBand(delay)}` as keyof InterviewerSums] += 1;
			}
			for (const v of g.values) {
				const others = given
					.filter((o) => o !== g && o.seat.person.id !== seat.person.id)
					.flatMap((o) =>
						o.values
							.filter((x) => x.competency.id === v.competency.id && x.rating !== null)
							.map((x) => x.rating!)
					);
				const othersMean =
					complete && v.rating !== null && others.length
						? others.reduce((a, b) => a + b, 0) / others.length
						: null;
				if (month) {
					month.ratings += 1;
					if (v.rating === null) month.notAssessed += 1;
					else {
						month[`r${v.rating}`] += 1;
						month.sumRating += v.rating;
					}
					if (othersMean !== null) {
						const d = v.rating! - othersMean;
						month.nD += 1;
						month.sumD += d;
						month.sumD2 += d * d;
					}
				}
				ratingRows.push([
					scorecardId,
					loopId,
					seat.person.id,
					v.competency.id,
					v.competency.revisionId,
					v.rating,
					g.submittedAt,
					seat.scheduledAt,
					opening.id,
					seat.round.kind,
					complete ? 1 : 0,
					othersMean
				]);
			}
		}
		statements.ratings(ratingRows);
		if (complete) writeUnits(statements, months, loopId, plan);
		if (outcome) {
			statements.decision.run(
				loopId,
				outcome,
				'Decided in the debrief (generated).',
				given[0]!.seat.person.id,
				completedAt! + 2 * day
			);
		}
		return { scorecards: given.length, ratings: ratingRows.length };
	};
}
