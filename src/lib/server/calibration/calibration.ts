import { sql } from 'kysely';
import {
	addSums,
	competencySumFields,
	delayCounts,
	emptySums,
	interviewerSumFields,
	medianFromBands,
	splitByMonths,
	type CompetencySums,
	type InterviewerSums
} from '../../domain/calibration-sums';
import { competencySums, interviewerSums } from './calibration-sums';
import type { DB } from '../platform/db';
import {
	alphaFromCoincidences,
	alphaThreshold,
	leniencyFromSums,
	type Leniency
} from '../../domain/calibration';
import type { CompetencyKind } from '../../domain/library';
import type { AuthUser } from '../auth/session';
import { canManageHiring, managedOpeningIds } from '../access/permissions';
import {
	countLoopsLeftOut,
	listLoopsHiddenFromCalibration,
	scopeOf,
	sumsFilterOf,
	type CalibrationFilter
} from './calibration-scope';

// Calibration over complete loops only (every panelist submitted): no figure can reveal
// feedback the independence rule still hides from anyone. All aggregation runs in SQL over
// the precomputed columns and rating units kept by calibration-upkeep.ts.

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
	/** Loops in the period left out because their panel has not all submitted. */
	leftOut: number;
	/** Complete loops in the period left out because the viewer's own practice seat still keeps their feedback from them. */
	hiddenFromYou: number;
}

/** Distribution, mean and both alphas of a competency's sums. */
export function agreementOf(sums: CompetencySums) {
	const values = [1, 2, 3, 4];
	const record = sums as unknown as Record<string, number>;
	const o = values.map((c) => values.map((k) => record[`o${Math.min(c, k)}${Math.max(c, k)}`]!));
	const ratings = { 1: sums.r1, 2: sums.r2, 3: sums.r3, 4: sums.r4 };
	const rated = sums.r1 + sums.r2 + sums.r3 + sums.r4;
	const alphaInterval = alphaFromCoincidences(o, values, 'interval');
	return {
		alphaInterval,
		alphaOrdinal: alphaFromCoincidences(o, values, 'ordinal'),
		units: sums.units,
		pairable: sums.pairable,
		ratings,
		mean: rated ? (sums.r1 + 2 * sums.r2 + 3 * sums.r3 + 4 * sums.r4) / rated : null,
		notAssessedShare: rated + sums.notAssessed ? sums.notAssessed / (rated + sums.notAssessed) : null,
		lowAgreement: alphaInterval !== null && alphaInterval < alphaThreshold
	};
}

function interviewerFigures(userId: number, name: string, s: InterviewerSums): InterviewerFigures {
	const rated = s.r1 + s.r2 + s.r3 + s.r4;
	return {
		userId,
		name,
		scorecards: s.scorecards,
		ratings: { 1: s.r1, 2: s.r2, 3: s.r3, 4: s.r4 },
		meanRating: rated ? s.sumRating / rated : null,
		leniency: leniencyFromSums(s.nD, s.sumD, s.sumD2),
		recommendations: { 1: s.rec1, 2: s.rec2, 3: s.rec3, 4: s.rec4 },
		decisionMatch: { matched: s.matched, decided: s.decided },
		lateShare: s.scorecards ? s.late / s.scorecards : null,
		notAssessedShare: s.ratings ? s.notAssessed / s.ratings : null,
		medianHoursToSubmit: medianFromBands(delayCounts(s))
	};
}

/** Adds rows of sums into per-subject totals. */
export function accumulate<F extends string>(
	fields: readonly F[],
	totals: Map<number, Record<F, number>>,
	rows: readonly { id: number; sums: Partial<Record<F, number | null>> }[]
) {
	for (const row of rows) {
		let total = totals.get(row.id);
		if (!total) totals.set(row.id, (total = emptySums(fields)));
		addSums(fields, total, row.sums);
	}
}

/** The queries behind monthTotals, built but not run (their SQL is snapshotted in tests). */
export function monthTotalsQueries(
	db: DB,
	months: { from: number; until: number },
	kind: CompetencyKind | undefined
) {
	return {
		interviewers: db
			.selectFrom('calibrationInterviewerMonth')
			.select((eb) => [
				'interviewerId as id',
				...interviewerSumFields.map((field) => eb.fn.sum<number>(field).as(field))
			])
			.where('month', '>=', months.from)
			.where('month', '<', months.until)
			.$if(kind !== undefined, (qb) => qb.where('roundKind', '=', kind!))
			.groupBy('interviewerId'),
		competencies: db
			.selectFrom('calibrationCompetencyMonth')
			.select((eb) => [
				'competencyId as id',
				...competencySumFields.map((field) => eb.fn.sum<number>(field).as(field))
			])
			.where('month', '>=', months.from)
			.where('month', '<', months.until)
			.$if(kind !== undefined, (qb) => qb.where('roundKind', '=', kind!))
			.groupBy('competencyId')
	};
}

/** The stored monthly totals over whole months, per interviewer and per competency. */
async function monthTotals(
	db: DB,
	months: { from: number; until: number },
	kind: CompetencyKind | undefined
) {
	const queries = monthTotalsQueries(db, months, kind);
	const [interviewers, competencies] = await Promise.all([
		queries.interviewers.execute(),
		queries.competencies.execute()
	]);
	return {
		interviewers: interviewers.map((row) => ({ id: row.id, sums: row })),
		competencies: competencies.map((row) => ({ id: row.id, sums: row }))
	};
}

async function namesOf<T extends 'user' | 'competency'>(db: DB, table: T, ids: number[]) {
	if (!ids.length) return new Map<number, { name: string; kind?: CompetencyKind }>();
	// Past a few hundred, reading everyone is cheaper than a long IN list (and has no limit).
	const rows =
		table === 'user'
			? await db
					.selectFrom('user')
					.select(['id', 'name'])
					.$if(ids.length <= 500, (qb) => qb.where('id', 'in', ids))
					.execute()
			: await db
					.selectFrom('competency')
					.select(['id', 'name', 'kind'])
					.$if(ids.length <= 500, (qb) => qb.where('id', 'in', ids))
					.execute();
	return new Map(rows.map((row) => [row.id, row as { name: string; kind?: CompetencyKind }]));
}

/**
 * Everything on the calibration page. Everyone in the organisation over whole months comes
 * from the monthly totals, plus exact counts for the part-months at the ends; a view limited
 * to some openings or to oneself counts its (few) rows directly. `months: false` counts
 * everything directly, which tests use to check the totals.
 */
export async function getCalibration(
	db: DB,
	actor: AuthUser,
	filter: CalibrationFilter,
	options: { months?: boolean } = {}
): Promise<Calibration> {
	const scope = await scopeOf(db, actor, filter);
	const sumsFilter = sumsFilterOf(filter, scope);
	const withCompetencies = scope.kind !== 'own';
	const interviewerTotals = new Map<number, InterviewerSums>();
	const competencyTotals = new Map<number, CompetencySums>();

	// The monthly totals cannot leave a loop out: a viewer with loops hidden from them (rare, see
	// listLoopsHiddenFromCalibration) has their figures counted directly.
	const useMonths =
		options.months !== false &&
		sumsFilter.openingIds === undefined &&
		sumsFilter.interviewerId === undefined &&
		sumsFilter.excludeLoopIds === undefined;
	const split = useMonths
		? splitByMonths(filter.from, filter.to)
		: { months: null, parts: [{ from: filter.from, to: filter.to }] };
	if (split.months) {
		const totals = await monthTotals(db, split.months, filter.kind);
		accumulate(interviewerSumFields, interviewerTotals, totals.interviewers);
		accumulate(competencySumFields, competencyTotals, totals.competencies);
	}
	for (const part of split.parts) {
		const partFilter = { ...sumsFilter, ...part };
		accumulate(interviewerSumFields, interviewerTotals, await interviewerSums(db, partFilter, 'subject'));
		if (withCompetencies) {
			accumulate(competencySumFields, competencyTotals, await competencySums(db, partFilter, 'subject'));
		}
	}
	// A total can be all zeros where a month's rows were recounted away.
	for (const [id, sums] of interviewerTotals)
		if (!sums.scorecards && !sums.ratings) interviewerTotals.delete(id);
	for (const [id, sums] of competencyTotals) {
		if (!sums.r1 && !sums.r2 && !sums.r3 && !sums.r4 && !sums.notAssessed) competencyTotals.delete(id);
	}

	const [users, competencies] = await Promise.all([
		namesOf(db, 'user', [...interviewerTotals.keys()]),
		namesOf(db, 'competency', [...competencyTotals.keys()])
	]);
	const interviewers = [...interviewerTotals].map(([userId, sums]) =>
		interviewerFigures(userId, users.get(userId)?.name ?? 'Unknown', sums)
	);
	const competencyFigures = [...competencyTotals].map(([competencyId, sums]): CompetencyFigures => ({
		competencyId,
		name: competencies.get(competencyId)?.name ?? 'Unknown',
		kind: competencies.get(competencyId)?.kind ?? 'technical',
		...agreementOf(sums)
	}));
	return {
		scope: scope.kind,
		interviewers: interviewers.sort((a, b) => a.name.localeCompare(b.name)),
		competencies: competencyFigures.sort((a, b) => a.name.localeCompare(b.name)),
		leftOut: await countLoopsLeftOut(db, sumsFilter),
		hiddenFromYou: await countLoopsLeftOut(db, sumsFilter, 'hidden')
	};
}

/**
 * Each interviewer's leniency over their complete loops that the viewer may count, the basis
 * of adjusted scores: every loop for hiring staff, the loops of their own openings for a
 * hiring manager (as on the calibration page), so an offset reveals nothing of loops they do
 * not run.
 */
export async function leniencyOf(
	db: DB,
	viewer: AuthUser,
	interviewerIds: number[]
): Promise<Map<number, Leniency>> {
	if (!interviewerIds.length) return new Map();
	const openingIds = canManageHiring(viewer) ? null : await managedOpeningIds(db, viewer);
	const hiddenLoopIds = await listLoopsHiddenFromCalibration(db, viewer);
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
		.$if(openingIds !== null, (qb) => qb.where('openingId', 'in', openingIds!.length ? openingIds! : [-1]))
		.$if(hiddenLoopIds.length > 0, (qb) => qb.where('loopId', 'not in', hiddenLoopIds))
		.groupBy('interviewerId')
		.execute();
	return new Map(
		interviewerIds.map((id) => {
			const r = rows.find((x) => x.interviewerId === id);
			return [id, leniencyFromSums(Number(r?.n ?? 0), Number(r?.sumD ?? 0), Number(r?.sumD2 ?? 0))];
		})
	);
}
