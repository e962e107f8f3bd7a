import type SQLite from 'better-sqlite3';
import { delayBand, type InterviewerSums } from '../../lib/domain/calibration-sums';
import type { CompetencyKind } from '../../lib/domain/library';
import { day, hour, minute } from '../../lib/domain/time';
import type { Recommendation } from '../../lib/domain/scorecard';
import { hashPassword } from '../../lib/server/auth/password';
import type { DB } from '../../lib/server/platform/db';
import { ConflictError } from '../../lib/server/platform/errors';
import { hasAnyUser } from '../../lib/server/accounts/users';
import { competencyMonthColumns, createMonthTotals, interviewerMonthColumns } from './month-totals';
import { createRandom, type Random } from './random';

// A large company's hiring history, made up but shaped like the real thing, for benchmarks
// and demos at scale. It writes with prepared statements in big transactions (the feature
// functions would take hours for a million scorecards) and fills the same derived columns
// the app keeps (completeness, leniency deviations, rating units), so every page sees
// exactly what it would after real use. Same seed and size, same database.

export interface GenerateOptions {
	scorecards: number;
	seed: number;
	/** The newest interviews happen just before this; history reaches three years back. */
	until: number;
	onProgress?: (done: number, total: number) => void;
}

export interface GenerateSummary {
	users: number;
	openings: number;
	loops: number;
	scorecards: number;
	ratings: number;
}

export const generatedPassword = 'generated-org-password';

interface TemplateShape {
	id: number;
	name: string;
	visibilityMode: string;
	rounds: {
		title: string;
		kind: 'technical' | 'leadership';
		format: string;
		durationMinutes: number;
		competencies: { id: number; revisionId: number }[];
		questions: { id: number; revisionId: number }[];
	}[];
}

async function templates(db: DB): Promise<TemplateShape[]> {
	const rows = await db
		.selectFrom('loopTemplate')
		.select(['id', 'name', 'visibilityMode'])
		.orderBy('id')
		.execute();
	const shapes: TemplateShape[] = [];
	for (const t of rows) {
		const rounds = await db
			.selectFrom('templateRound')
			.selectAll()
			.where('templateId', '=', t.id)
			.orderBy('position')
			.execute();
		const shape: TemplateShape = { ...t, rounds: [] };
		for (const r of rounds) {
			const competencies = await db
				.selectFrom('templateRoundCompetency as trc')
				.innerJoin('competency', 'competency.id', 'trc.competencyId')
				.select(['competency.id', 'competency.currentRevisionId as revisionId'])
				.where('trc.roundId', '=', r.id)
				.orderBy('trc.position')
				.execute();
			const questions = await db
				.selectFrom('templateRoundQuestion as trq')
				.innerJoin('question', 'question.id', 'trq.questionId')
				.select(['question.id', 'question.currentRevisionId as revisionId'])
				.where('trq.roundId', '=', r.id)
				.orderBy('trq.position')
				.execute();
			shape.rounds.push({
				title: r.title,
				kind: r.kind,
				format: r.format,
				durationMinutes: r.durationMinutes,
				competencies: competencies.map((c) => ({ id: c.id, revisionId: c.revisionId! })),
				questions: questions.map((q) => ({ id: q.id, revisionId: q.revisionId! }))
			});
		}
		shapes.push(shape);
	}
	return shapes;
}

const firstNames = [
	'Ada',
	'Ben',
	'Chen',
	'Dara',
	'Eli',
	'Fatima',
	'Gus',
	'Hana',
	'Ivan',
	'Jade',
	'Kofi',
	'Lina',
	'Mateo',
	'Nora',
	'Omar',
	'Pia',
	'Quinn',
	'Rosa',
	'Sven',
	'Tara',
	'Umar',
	'Vera',
	'Wei',
	'Ximena',
	'Yusuf',
	'Zoe'
];
const lastNames = [
	'Adams',
	'Berg',
	'Costa',
	'Dubois',
	'Eze',
	'Fischer',
	'Garcia',
	'Haddad',
	'Ito',
	'Jensen',
	'Kaur',
	'Lopez',
	'Moreau',
	'Nakamura',
	'Okafor',
	'Petrov',
	'Quist',
	'Rossi',
	'Silva',
	'Tanaka',
	'Ueda',
	'Varga',
	'Wong',
	'Xu',
	'Yilmaz',
	'Zimmer'
];
const teams = [
	'Payments',
	'Platform',
	'Search',
	'Mobile',
	'Data',
	'Growth',
	'Security',
	'Infrastructure',
	'Billing',
	'Identity'
];
const evidence = {
	1: 'Could not get started without heavy prompting.',
	2: 'Got part of the way with hints; missed cases we discussed.',
	3: 'Complete answer with clear reasoning; handled follow-ups.',
	4: 'Anticipated follow-ups and explained trade-offs unprompted.'
} as const;

function personName(random: Random): string {
	return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

function clampRating(value: number): 1 | 2 | 3 | 4 {
	return Math.min(4, Math.max(1, Math.round(value))) as 1 | 2 | 3 | 4;
}

/** Hours from the interview's scheduled end to submission, as calibration-upkeep.ts counts them. */
function delayHours(submittedAt: number, seat: { scheduledAt: number; round: { durationMinutes: number } }) {
	return (submittedAt - seat.scheduledAt - 60000 * seat.round.durationMinutes) / 3600000;
}

function recommendationFor(mean: number): Recommendation {
	return mean >= 3.4 ? 4 : mean >= 2.7 ? 3 : mean >= 2 ? 2 : 1;
}

/** INSERT … VALUES (…), (…), … with one prepared statement per row count, reused. */
function multiRowInserter(sqlite: SQLite.Database, head: string, columns: number) {
	const cache = new Map<number, SQLite.Statement>();
	const row = `(${new Array(columns).fill('?').join(', ')})`;
	/** Inserts the rows; returns the id of the first (ids of one statement are consecutive). */
	return (rows: unknown[][]): number => {
		if (!rows.length) return 0;
		let statement = cache.get(rows.length);
		if (!statement) {
			statement = sqlite.prepare(`${head} values ${new Array(rows.length).fill(row).join(', ')}`);
			cache.set(rows.length, statement);
		}
		// A plain loop: Array.prototype.flat and argument spreading cost more than the insert.
		const values = new Array(rows.length * columns);
		let i = 0;
		for (const row of rows) for (const value of row) values[i++] = value;
		return Number(statement.run(values).lastInsertRowid) - rows.length + 1;
	};
}

export async function generateOrganisation(
	db: DB,
	sqlite: SQLite.Database,
	options: GenerateOptions
): Promise<GenerateSummary> {
	if (await hasAnyUser(db)) throw new ConflictError('generate needs an empty database (this one has users)');
	const random = createRandom(options.seed);
	const shapes = await templates(db);
	const passwordHash = await hashPassword(generatedPassword);
	const target = options.scorecards;
	const span = 3 * 365 * day;
	const start = options.until - span;

	const insertUser = sqlite.prepare(
		'insert into "user" (email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)'
	);
	const interviewerCount = Math.max(20, Math.round(target / 300));
	const people: { id: number; leniency: number; lateness: number; skipRate: number }[] = [];
	sqlite.transaction(() => {
		insertUser.run('admin@generated.example', 'Generated Admin', 'admin', passwordHash, start, start);
		for (let i = 1; i <= 5; i++) {
			insertUser.run(
				`recruiter${i}@generated.example`,
				`${personName(random)} (recruiter)`,
				'recruiter',
				passwordHash,
				start,
				start
			);
		}
		for (let i = 1; i <= interviewerCount; i++) {
			const { lastInsertRowid } = insertUser.run(
				`interviewer${i}@generated.example`,
				personName(random),
				'interviewer',
				passwordHash,
				start,
				start
			);
			people.push({
				id: Number(lastInsertRowid),
				leniency: Math.max(-0.9, Math.min(0.9, random.normal(0, 0.35))),
				lateness: random.next() < 0.15 ? 0.4 : 0.05,
				skipRate: random.next() * 0.08
			});
		}
	})();

	const openingCount = Math.max(3, Math.round(target / 3000));
	const insertOpening = sqlite.prepare(
		'insert into opening (title, team, level, template_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)'
	);
	const insertManager = sqlite.prepare(
		'insert into opening_hiring_manager (opening_id, user_id) values (?, ?)'
	);
	const openings: { id: number; shape: TemplateShape }[] = [];
	sqlite.transaction(() => {
		for (let i = 0; i < openingCount; i++) {
			const shape = random.next() < 0.7 ? shapes[0]! : (shapes[1] ?? shapes[0]!);
			const team = random.pick(teams);
			const title = `${shape.name}, ${team} #${i + 1}`;
			const { lastInsertRowid } = insertOpening.run(
				title,
				team,
				random.pick(['Mid', 'Senior', 'Staff', 'Manager']),
				shape.id,
				random.next() < 0.8 ? 'open' : 'closed',
				start,
				start
			);
			const id = Number(lastInsertRowid);
			const managers = new Set([random.pick(people).id, random.pick(people).id]);
			for (const manager of managers) insertManager.run(id, manager);
			openings.push({ id, shape });
		}
	})();

	const statements = {
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

	// Bulk load into the new database: secondary indexes are dropped and rebuilt once at the
	// end (a sorted build is far cheaper than millions of scattered index updates), and there
	// is no journal and no fsync (a crash here leaves nothing worth keeping anyway). Foreign
	// keys are off while loading: every reference is to a row written just before (the unit
	// test runs foreign_key_check on the result).
	const bulkTables = [
		'scorecard',
		'scorecard_rating',
		'rating_unit',
		'loop',
		'loop_round',
		'loop_round_competency',
		'loop_round_question',
		'candidate',
		'candidate_opening',
		'loop_decision'
	];
	const indexes = sqlite
		.prepare(
			`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${bulkTables.map(() => '?').join(', ')})`
		)
		.all(...bulkTables) as { name: string; sql: string }[];
	for (const index of indexes) sqlite.exec(`drop index ${index.name}`);
	sqlite.pragma('journal_mode = OFF');
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('foreign_keys = OFF');
	sqlite.pragma('cache_size = -262144');

	const months = createMonthTotals();
	let scorecards = 0;
	let ratings = 0;
	let loops = 0;
	const batch = sqlite.transaction((count: number) => {
		for (let b = 0; b < count && scorecards < target; b++) {
			const opening = random.pick(openings);
			const shape = opening.shape;
			// Loops spread evenly over the three years, in order, so ids follow time as in life.
			const at = start + Math.floor((scorecards / target) * span) + Math.floor(random.next() * 6) * hour;
			const recent = options.until - at < 3 * day;
			const name = personName(random);
			const candidateId = Number(
				statements.candidate.run(name, `candidate${loops + 1}@generated.example`, at, at).lastInsertRowid
			);
			statements.candidateOpening.run(candidateId, opening.id, at);
			const ability = { technical: random.normal(2.7, 0.6), leadership: random.normal(2.8, 0.5) };

			// Plan the loop (panel, ratings, completeness, decision), then write it in one go.
			const used = new Set<number>();
			const seats: {
				position: number;
				round: TemplateShape['rounds'][number];
				person: (typeof people)[number];
				scheduledAt: number;
			}[] = [];
			shape.rounds.forEach((round, position) => {
				const panelSize = random.next() < 0.12 ? 2 : 1;
				for (let p = 0; p < panelSize; p++) {
					let person = random.pick(people);
					while (used.has(person.id) && used.size < people.length) person = random.pick(people);
					used.add(person.id);
					seats.push({ position, round, person, scheduledAt: at + position * 75 * minute });
				}
			});
			const given = seats.map((seat) => {
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
			const decided = complete && options.until - completedAt! > 5 * day && random.next() < 0.92;
			const outcome = decided
				? average >= 3
					? 'hire'
					: average < 2.55
						? 'no_hire'
						: random.next() < 0.5
							? 'hold'
							: 'no_hire'
				: null;

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
			const ratingRows: unknown[][] = [];

			const firstScorecard = statements.scorecards(
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

			for (const [index, g] of given.entries()) {
				const { seat } = g;
				const scorecardId = firstScorecard + index;
				scorecards += 1;
				if (!g.submitted) continue;
				const month = complete ? months.interviewer(seat.scheduledAt, seat.person.id, seat.round.kind) : null;
				if (month) {
					const delay = delayHours(g.submittedAt, seat);
					month.scorecards += 1;
					month[`rec${g.recommendation}`] += 1;
					if (delay > 24) month.late += 1;
					if (outcome === 'hire' || outcome === 'no_hire') month.decided += 1;
					if (
						(outcome === 'hire' && g.recommendation >= 3) ||
						(outcome === 'no_hire' && g.recommendation <= 2)
					)
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
					ratings += 1;
				}
			}
			statements.ratings(ratingRows);
			if (complete) {
				const units = new Map<number, { kind: CompetencyKind; at: number; counts: number[]; na: number }>();
				for (const g of given) {
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
						opening.id,
						u.kind,
						u.at,
						...u.counts,
						u.na
					])
				);
			}
			if (outcome) {
				statements.decision.run(
					loopId,
					outcome,
					'Decided in the debrief (generated).',
					given[0]!.seat.person.id,
					completedAt! + 2 * day
				);
			}
			loops += 1;
		}
	});

	while (scorecards < target) {
		batch(500);
		options.onProgress?.(Math.min(scorecards, target), target);
	}
	const insertMonths = (table: string, columns: string[], rows: unknown[][]) => {
		const insert = multiRowInserter(sqlite, `insert into ${table} (${columns.join(', ')})`, columns.length);
		for (let i = 0; i < rows.length; i += 500) insert(rows.slice(i, i + 500));
	};
	sqlite.transaction(() => {
		insertMonths('calibration_interviewer_month', interviewerMonthColumns, months.interviewerRows());
		insertMonths('calibration_competency_month', competencyMonthColumns, months.competencyRows());
	})();
	for (const index of indexes) sqlite.exec(index.sql);
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('journal_mode = WAL');
	// The aggregates are built already: no start-up rebuild needed.
	const built = sqlite.prepare('insert or replace into meta (key, value) values (?, ?)');
	built.run('calibration_aggregates_built_at', String(options.until));
	built.run('calibration_months_built_at', String(options.until));
	sqlite.pragma('optimize');
	return { users: interviewerCount + 6, openings: openingCount, loops, scorecards, ratings };
}
