import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from './db';
import {
	alphaFromCoincidences,
	alphaThreshold,
	leniencyFromSums,
	type Leniency
} from '../domain/calibration';
import type { CompetencyKind } from '../domain/library';
import type { AuthUser } from './auth/session';
import { canManageHiring, managedOpeningIds } from './access';
import { ForbiddenError } from './errors';

// Calibration over complete loops only (every panelist submitted): no figure can reveal
// feedback the independence rule still hides from anyone. All aggregation runs in SQL over
// the precomputed columns and rating units kept by calibration-upkeep.ts.

export interface CalibrationFilter {
	from: number;
	to: number;
	openingId?: number;
	kind?: CompetencyKind;
}

export interface InterviewerFigures {
	userId: number;
	name: string;
	scorecards: number;
	ratings: Record<1 | 2 | 3 | 4, number>;
	meanRating: number | null;
	leniency: Leniency;
	recommendations: Record<1 | 2 | 3 | 4, number>;
	/** Of their recommendations on loops decided hire or no hire, how many pointed the same way. */
	decisionMatch: { matched: number; decided: number };
	lateShare: number | null;
	notAssessedShare: number | null;
	medianHoursToSubmit: number | null;
}

export interface CompetencyFigures {
	competencyId: number;
	name: string;
	kind: CompetencyKind;
	alphaInterval: number | null;
	alphaOrdinal: number | null;
	units: number;
	pairable: number;
	ratings: Record<1 | 2 | 3 | 4, number>;
	mean: number | null;
	notAssessedShare: number | null;
	lowAgreement: boolean;
}

export interface Calibration {
	scope: 'all' | 'openings' | 'own';
	interviewers: InterviewerFigures[];
	competencies: CompetencyFigures[];
}

type Scope = { kind: 'all' } | { kind: 'openings'; openingIds: number[] } | { kind: 'own'; userId: number };

/** Admins and recruiters see everyone; hiring managers their openings' loops; anyone else themselves. */
async function scopeOf(db: DB, actor: AuthUser, filter: CalibrationFilter): Promise<Scope> {
	if (canManageHiring(actor)) return { kind: 'all' };
	const managed = await managedOpeningIds(db, actor);
	if (managed.length) {
		if (filter.openingId !== undefined && !managed.includes(filter.openingId)) {
			throw new ForbiddenError('You can filter by the openings you are a hiring manager of');
		}
		return { kind: 'openings', openingIds: managed };
	}
	if (filter.openingId !== undefined)
		throw new ForbiddenError('Your own figures cannot be filtered by opening');
	return { kind: 'own', userId: actor.id };
}

/** The filter as SQL over a table with interviewed_at, opening_id and round_kind columns. */
function conditions(filter: CalibrationFilter, scope: Scope) {
	const parts = [sql`interviewed_at between ${filter.from} and ${filter.to}`];
	if (filter.openingId !== undefined) parts.push(sql`opening_id = ${filter.openingId}`);
	if (filter.kind) parts.push(sql`round_kind = ${filter.kind}`);
	if (scope.kind === 'openings') parts.push(sql`opening_id in (${sql.join(scope.openingIds)})`);
	return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

const pairs = [
	[1, 1],
	[1, 2],
	[1, 3],
	[1, 4],
	[2, 2],
	[2, 3],
	[2, 4],
	[3, 3],
	[3, 4],
	[4, 4]
] as const;

/**
 * Per group (competency, or month), the rating counts and the coincidence sums alpha needs,
 * summed in SQL over the rating units in the filter: units with fewer than two ratings count
 * towards the distribution but not towards agreement.
 */
function unitAggregates(db: DB, filter: CalibrationFilter, scope: Scope, group: RawBuilder<unknown>) {
	return db
		.selectFrom((eb) =>
			eb
				.selectFrom('ratingUnit')
				.select([
					'competencyId',
					'interviewedAt',
					'n1',
					'n2',
					'n3',
					'n4',
					'notAssessed',
					sql<number>`n1 + n2 + n3 + n4`.as('m')
				])
				.where(conditions(filter, scope))
				.as('u')
		)
		.select([
			'u.competencyId',
			sql<string>`${group}`.as('grouping'),
			sql<number>`sum(u.n1)`.as('r1'),
			sql<number>`sum(u.n2)`.as('r2'),
			sql<number>`sum(u.n3)`.as('r3'),
			sql<number>`sum(u.n4)`.as('r4'),
			sql<number>`sum(u.not_assessed)`.as('notAssessed'),
			sql<number>`sum(u.m >= 2)`.as('units'),
			sql<number>`coalesce(sum(case when u.m >= 2 then u.m end), 0)`.as('pairable'),
			...pairs.map(([c, k]) =>
				sql<number>`coalesce(sum(case when u.m >= 2 then ${sql.raw(c === k ? `u.n${c} * (u.n${c} - 1)` : `u.n${c} * u.n${k}`)} * 1.0 / (u.m - 1) end), 0)`.as(
					`o${c}${k}`
				)
			)
		])
		.groupBy(sql`${group}`);
}

type UnitRow = {
	r1: number;
	r2: number;
	r3: number;
	r4: number;
	notAssessed: number;
	units: number;
	pairable: number;
};

/** Distribution, mean and both alphas of a group of rating units. */
function agreementOf(row: UnitRow) {
	const record = row as unknown as Record<string, number>;
	const values = [1, 2, 3, 4];
	const o = values.map((c) => values.map((k) => Number(record[`o${Math.min(c, k)}${Math.max(c, k)}`] ?? 0)));
	const ratings = { 1: Number(row.r1), 2: Number(row.r2), 3: Number(row.r3), 4: Number(row.r4) };
	const rated = ratings[1] + ratings[2] + ratings[3] + ratings[4];
	const notAssessed = Number(row.notAssessed);
	const alphaInterval = alphaFromCoincidences(o, values, 'interval');
	return {
		alphaInterval,
		alphaOrdinal: alphaFromCoincidences(o, values, 'ordinal'),
		units: Number(row.units),
		pairable: Number(row.pairable),
		ratings,
		mean: rated ? (ratings[1] + 2 * ratings[2] + 3 * ratings[3] + 4 * ratings[4]) / rated : null,
		notAssessedShare: rated + notAssessed ? notAssessed / (rated + notAssessed) : null,
		lowAgreement: alphaInterval !== null && alphaInterval < alphaThreshold
	};
}

export async function getCalibration(
	db: DB,
	actor: AuthUser,
	filter: CalibrationFilter
): Promise<Calibration> {
	const scope = await scopeOf(db, actor, filter);
	const own = scope.kind === 'own' ? scope.userId : undefined;

	let ratingQuery = db
		.selectFrom('scorecardRating')
		.select([
			'interviewerId',
			sql<number>`count(*)`.as('n'),
			sql<number>`sum(rating is null)`.as('notAssessed'),
			sql<number>`sum(rating = 1)`.as('r1'),
			sql<number>`sum(rating = 2)`.as('r2'),
			sql<number>`sum(rating = 3)`.as('r3'),
			sql<number>`sum(rating = 4)`.as('r4'),
			sql<number | null>`avg(rating)`.as('mean'),
			sql<number>`count(others_mean)`.as('nD'),
			sql<number>`coalesce(sum(rating - others_mean), 0)`.as('sumD'),
			sql<number>`coalesce(sum((rating - others_mean) * (rating - others_mean)), 0)`.as('sumD2')
		])
		.where('complete', '=', 1)
		.where(conditions(filter, scope))
		.groupBy('interviewerId');
	if (own !== undefined) ratingQuery = ratingQuery.where('interviewerId', '=', own);

	let scorecardQuery = db
		.selectFrom('scorecard as s')
		.innerJoin('loopRound as r', 'r.id', 's.roundId')
		.innerJoin('loop as l', 'l.id', 's.loopId')
		.select([
			's.interviewerId',
			sql<number>`count(*)`.as('scorecards'),
			sql<number>`sum(s.recommendation = 1)`.as('rec1'),
			sql<number>`sum(s.recommendation = 2)`.as('rec2'),
			sql<number>`sum(s.recommendation = 3)`.as('rec3'),
			sql<number>`sum(s.recommendation = 4)`.as('rec4'),
			sql<number>`sum(s.submitted_at > s.scheduled_at + r.duration_minutes * 60000 + 86400000)`.as('late'),
			sql<
				number | null
			>`median((s.submitted_at - s.scheduled_at - r.duration_minutes * 60000) / 3600000.0)`.as('medianHours'),
			sql<number>`sum(l.outcome in ('hire', 'no_hire'))`.as('decided'),
			sql<number>`sum((l.outcome = 'hire' and s.recommendation >= 3) or (l.outcome = 'no_hire' and s.recommendation <= 2))`.as(
				'matched'
			)
		])
		.where('s.complete', '=', 1)
		.where('s.scheduledAt', '>=', filter.from)
		.where('s.scheduledAt', '<=', filter.to)
		.groupBy('s.interviewerId');
	if (filter.openingId !== undefined)
		scorecardQuery = scorecardQuery.where('s.openingId', '=', filter.openingId);
	if (filter.kind) scorecardQuery = scorecardQuery.where('s.roundKind', '=', filter.kind);
	if (scope.kind === 'openings') scorecardQuery = scorecardQuery.where('s.openingId', 'in', scope.openingIds);
	if (own !== undefined) scorecardQuery = scorecardQuery.where('s.interviewerId', '=', own);

	const unitQuery = own !== undefined ? null : unitAggregates(db, filter, scope, sql`competency_id`);

	const [ratingRows, scorecardRows, unitRows] = await Promise.all([
		ratingQuery.execute(),
		scorecardQuery.execute(),
		unitQuery ? unitQuery.execute() : Promise.resolve([])
	]);

	const userIds = [
		...new Set([...ratingRows.map((r) => r.interviewerId), ...scorecardRows.map((r) => r.interviewerId)])
	];
	const competencyIds = unitRows.map((u) => u.competencyId);
	const [users, competencies] = await Promise.all([
		userIds.length ? db.selectFrom('user').select(['id', 'name']).where('id', 'in', userIds).execute() : [],
		competencyIds.length
			? db.selectFrom('competency').select(['id', 'name', 'kind']).where('id', 'in', competencyIds).execute()
			: []
	]);

	const interviewers = userIds.map((userId): InterviewerFigures => {
		const r = ratingRows.find((x) => x.interviewerId === userId);
		const s = scorecardRows.find((x) => x.interviewerId === userId);
		const n = Number(r?.n ?? 0);
		const scorecards = Number(s?.scorecards ?? 0);
		return {
			userId,
			name: users.find((u) => u.id === userId)?.name ?? 'Unknown',
			scorecards,
			ratings: { 1: Number(r?.r1 ?? 0), 2: Number(r?.r2 ?? 0), 3: Number(r?.r3 ?? 0), 4: Number(r?.r4 ?? 0) },
			meanRating: r?.mean === null || r?.mean === undefined ? null : Number(r.mean),
			leniency: leniencyFromSums(Number(r?.nD ?? 0), Number(r?.sumD ?? 0), Number(r?.sumD2 ?? 0)),
			recommendations: {
				1: Number(s?.rec1 ?? 0),
				2: Number(s?.rec2 ?? 0),
				3: Number(s?.rec3 ?? 0),
				4: Number(s?.rec4 ?? 0)
			},
			decisionMatch: { matched: Number(s?.matched ?? 0), decided: Number(s?.decided ?? 0) },
			lateShare: scorecards ? Number(s?.late ?? 0) / scorecards : null,
			notAssessedShare: n ? Number(r?.notAssessed ?? 0) / n : null,
			medianHoursToSubmit:
				s?.medianHours === null || s?.medianHours === undefined ? null : Number(s.medianHours)
		};
	});

	const competencyFigures = unitRows.map((u): CompetencyFigures => {
		const info = competencies.find((c) => c.id === u.competencyId);
		return {
			competencyId: u.competencyId,
			name: info?.name ?? 'Unknown',
			kind: info?.kind ?? 'technical',
			...agreementOf(u)
		};
	});

	return {
		scope: scope.kind,
		interviewers: interviewers.sort((a, b) => a.name.localeCompare(b.name)),
		competencies: competencyFigures.sort((a, b) => a.name.localeCompare(b.name))
	};
}

/** Each interviewer's leniency over all their complete loops: the basis of adjusted scores. */
export async function leniencyOf(db: DB, interviewerIds: number[]): Promise<Map<number, Leniency>> {
	if (!interviewerIds.length) return new Map();
	const rows = await db
		.selectFrom('scorecardRating')
		.select([
			'interviewerId',
			sql<number>`count(others_mean)`.as('n'),
			sql<number>`coalesce(sum(rating - others_mean), 0)`.as('sumD'),
			sql<number>`coalesce(sum((rating - others_mean) * (rating - others_mean)), 0)`.as('sumD2')
		])
		.where('complete', '=', 1)
		.where('interviewerId', 'in', interviewerIds)
		.groupBy('interviewerId')
		.execute();
	return new Map(
		interviewerIds.map((id) => {
			const r = rows.find((x) => x.interviewerId === id);
			return [id, leniencyFromSums(Number(r?.n ?? 0), Number(r?.sumD ?? 0), Number(r?.sumD2 ?? 0))];
		})
	);
}

export interface TrendMonth {
	month: string;
	n: number;
	mean: number | null;
	leniency: number | null;
	alphaInterval: number | null;
}

const month = sql`strftime('%Y-%m', interviewed_at / 1000, 'unixepoch')`;

/** Month by month (UTC months) for one interviewer or one competency, within the viewer's scope. */
export async function getTrend(
	db: DB,
	actor: AuthUser,
	subject: { interviewerId: number } | { competencyId: number },
	filter: CalibrationFilter
): Promise<TrendMonth[]> {
	const scope = await scopeOf(db, actor, filter);
	if ('interviewerId' in subject) {
		if (scope.kind === 'own' && subject.interviewerId !== actor.id)
			throw new ForbiddenError('You can see your own figures');
		const rows = await db
			.selectFrom('scorecardRating')
			.select([
				sql<string>`${month}`.as('month'),
				sql<number>`count(rating)`.as('n'),
				sql<number | null>`avg(rating)`.as('mean'),
				sql<number>`count(others_mean)`.as('nD'),
				sql<number>`coalesce(sum(rating - others_mean), 0)`.as('sumD'),
				sql<number>`coalesce(sum((rating - others_mean) * (rating - others_mean)), 0)`.as('sumD2')
			])
			.where('complete', '=', 1)
			.where('interviewerId', '=', subject.interviewerId)
			.where(conditions(filter, scope))
			.groupBy(sql`${month}`)
			.orderBy('month')
			.execute();
		return rows.map((r) => ({
			month: r.month,
			n: Number(r.n),
			mean: r.mean === null ? null : Number(r.mean),
			leniency: leniencyFromSums(Number(r.nD), Number(r.sumD), Number(r.sumD2)).leniency,
			alphaInterval: null
		}));
	}
	if (scope.kind === 'own')
		throw new ForbiddenError('Agreement per competency is for hiring staff and hiring managers');
	const rows = await unitAggregates(db, filter, scope, month)
		.where('u.competencyId', '=', subject.competencyId)
		.orderBy('grouping')
		.execute();
	return rows.map((r) => {
		const a = agreementOf(r);
		return {
			month: r.grouping,
			n: a.ratings[1] + a.ratings[2] + a.ratings[3] + a.ratings[4],
			mean: a.mean,
			leniency: null,
			alphaInterval: a.alphaInterval
		};
	});
}
