import { describe, expect, it } from 'vitest';
import { day, hour } from '../../../src/lib/domain/time';
import { parseAttemptForm, parseExerciseForm, type ExerciseInput } from '../../../src/lib/domain/exercises';
import { getCalibration } from '../../../src/lib/server/calibration/calibration';
import { getTrend } from '../../../src/lib/server/calibration/calibration-trend';
import {
	archiveExercise,
	createExercise,
	getExercise,
	updateExercise
} from '../../../src/lib/server/calibration/exercises';
import { getExerciseKit, listExercisesToTake } from '../../../src/lib/server/calibration/exercise-kit';
import { submitAttempt } from '../../../src/lib/server/calibration/exercise-attempts';
import {
	hasPassedExercise,
	listExerciseAttempts,
	listOwnResults
} from '../../../src/lib/server/calibration/exercise-results';
import {
	assignExercise,
	listAssignedExercises
} from '../../../src/lib/server/calibration/exercise-assignments';
import { getComparison } from '../../../src/lib/server/evaluation/comparison';
import { exportLoopResults, getLoopResults } from '../../../src/lib/server/evaluation/results';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import type { DB } from '../../../src/lib/server/platform/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { competencyId, newLoop, newUser, submitAs } from '../../support/seed';

// Calibration exercises (decision 031): distance, pass rule, blind rating, permissions, and
// exercise ratings kept out of every figure of real candidates.

const t0 = Date.UTC(2026, 9, 5, 9);
const now = t0 + 10 * day;

async function codingExercise(db: DB, recruiter: AuthUser, overrides: Partial<ExerciseInput> = {}) {
	const [coding, problem, knowledge] = await Promise.all([
		competencyId(db, 'Coding'),
		competencyId(db, 'Problem solving'),
		competencyId(db, 'Technical knowledge')
	]);
	const input: ExerciseInput = {
		title: 'Rate-limiter walkthrough',
		format: 'coding',
		transcript: 'The candidate wrote a token bucket, tested the edge at zero tokens, missed the clock skew.',
		passDistance: 50,
		open: false,
		references: [
			{ competencyId: coding, rating: 3, reason: 'Working code with tests, one gap' },
			{ competencyId: problem, rating: 2, reason: 'Needed two hints to find the approach' },
			{ competencyId: knowledge, rating: 4, reason: 'Explained the trade-offs of three algorithms' }
		],
		...overrides
	};
	const id = await createExercise(db, recruiter, input, t0);
	return { id, ids: [coding, problem, knowledge] as const };
}

const rate = (ids: readonly number[], ratings: readonly number[]) =>
	ids.map((competencyId, i) => ({ competencyId, rating: ratings[i]!, evidence: `Evidence ${i}` }));

describe('the distance from the reference', () => {
	it('is the mean absolute difference over the competencies, computed by hand', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const kim = await newUser(db, { name: 'Kim' });
		const { id, ids } = await codingExercise(db, recruiter, { passDistance: 150 });
		await assignExercise(db, recruiter, { userId: kim.id, exerciseId: id }, t0);
		// Reference 3, 2, 4; Kim rates 4, 2, 1: |4−3| + |2−2| + |1−4| = 1 + 0 + 3 = 4, over 3.
		const result = await submitAttempt(db, kim, id, rate(ids, [4, 2, 1]), t0 + day);
		expect(result.distance).toBeCloseTo(4 / 3, 10);
		expect(result.passed).toBe(true);
		expect(result.ratings.map((r) => [r.name, r.rating, r.referenceRating, r.referenceReason])).toEqual([
			['Coding', 4, 3, 'Working code with tests, one gap'],
			['Problem solving', 2, 2, 'Needed two hints to find the approach'],
			['Technical knowledge', 1, 4, 'Explained the trade-offs of three algorithms']
		]);
		expect(result.ratings[0]!.anchors).toHaveLength(4);
		expect((await listOwnResults(db, kim)).map((r) => [r.title, r.distance, r.passed])).toEqual([
			['Rate-limiter walkthrough', 4 / 3, true]
		]);
	});

	it('passes at the threshold exactly and fails just above it', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const [kim, lee] = [await newUser(db), await newUser(db)];
		const atOne = await codingExercise(db, recruiter, { passDistance: 100, open: true });
		const belowOne = await codingExercise(db, recruiter, {
			passDistance: 99,
			open: true,
			format: 'behavioural'
		});
		// 2, 3, 3 against 3, 2, 4: |2−3| + |3−2| + |3−4| = 3, over 3 = 1.
		expect((await submitAttempt(db, kim, atOne.id, rate(atOne.ids, [2, 3, 3]), t0)).distance).toBe(1);
		expect((await listOwnResults(db, kim))[0]!.passed).toBe(true);
		expect((await submitAttempt(db, lee, belowOne.id, rate(belowOne.ids, [2, 3, 3]), t0)).passed).toBe(false);
		expect(await hasPassedExercise(db, kim.id, 'coding')).toBe(true);
		expect(await hasPassedExercise(db, kim.id, 'behavioural')).toBe(false);
		expect(await hasPassedExercise(db, lee.id, 'behavioural')).toBe(false);
		expect(await hasPassedExercise(db, lee.id, 'coding')).toBe(false);
	});

	it('keeps the reference an attempt was measured against when the exercise changes later', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const kim = await newUser(db);
		const { id, ids } = await codingExercise(db, recruiter, { open: true });
		await submitAttempt(db, kim, id, rate(ids, [3, 2, 4]), t0);
		const exercise = await getExercise(db, recruiter, id);
		await updateExercise(db, recruiter, id, {
			...exercise,
			open: true,
			references: exercise.references.map((r) => ({ ...r, rating: 1 }))
		});
		const kit = await getExerciseKit(db, kim, id);
		expect(kit.result?.distance).toBe(0);
		expect(kit.result?.ratings.map((r) => r.referenceRating)).toEqual([3, 2, 4]);
	});
});

describe('rating blind', () => {
	it('the reference is not in what the server sends until the attempt is in, and there is one attempt', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const kim = await newUser(db);
		const { id, ids } = await codingExercise(db, recruiter, { open: true });
		const before = await getExerciseKit(db, kim, id);
		expect(before.result).toBeNull();
		expect(before.competencies.map((c) => c.name)).toEqual([
			'Coding',
			'Problem solving',
			'Technical knowledge'
		]);
		expect(JSON.stringify(before)).not.toMatch(/one gap|two hints|three algorithms/);

		await submitAttempt(db, kim, id, rate(ids, [3, 3, 3]), t0);
		expect(JSON.stringify(await getExerciseKit(db, kim, id))).toMatch(/two hints/);
		await expect(submitAttempt(db, kim, id, rate(ids, [3, 2, 4]), t0)).rejects.toBeInstanceOf(ConflictError);
	});
});

describe('who may do what', () => {
	it('recruiters manage and read everyone’s attempts; an interviewer takes only open or assigned exercises', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const [kim, lee] = [await newUser(db, { name: 'Kim' }), await newUser(db, { name: 'Lee' })];
		const { id, ids } = await codingExercise(db, recruiter);
		await expect(
			createExercise(db, kim, (await getExercise(db, recruiter, id)) as never)
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getExercise(db, kim, id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getExerciseKit(db, kim, id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(submitAttempt(db, kim, id, rate(ids, [3, 2, 4]), t0)).rejects.toBeInstanceOf(NotFoundError);
		expect(await listExercisesToTake(db, kim)).toEqual([]);
		await expect(assignExercise(db, kim, { userId: lee.id, exerciseId: id })).rejects.toBeInstanceOf(
			ForbiddenError
		);

		await assignExercise(db, recruiter, { userId: kim.id, exerciseId: id }, t0);
		await expect(assignExercise(db, recruiter, { userId: kim.id, exerciseId: id })).rejects.toBeInstanceOf(
			ConflictError
		);
		expect((await listAssignedExercises(db, kim)).map((a) => a.title)).toEqual(['Rate-limiter walkthrough']);
		expect(await listAssignedExercises(db, lee)).toEqual([]);
		await submitAttempt(db, kim, id, rate(ids, [3, 2, 4]), t0 + hour);
		expect(await listAssignedExercises(db, kim)).toEqual([]);
		expect((await listExercisesToTake(db, kim)).map((e) => [e.title, e.taken])).toEqual([
			['Rate-limiter walkthrough', true]
		]);

		await expect(listExerciseAttempts(db, kim, id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listExerciseAttempts(db, lee, id)).rejects.toBeInstanceOf(ForbiddenError);
		expect((await listExerciseAttempts(db, recruiter, id)).map((a) => [a.name, a.distance])).toEqual([
			['Kim', 0]
		]);
		await expect(getExerciseKit(db, lee, id)).rejects.toBeInstanceOf(NotFoundError);

		await archiveExercise(db, recruiter, id, t0 + day);
		await expect(assignExercise(db, recruiter, { userId: lee.id, exerciseId: id })).rejects.toThrow(
			/active exercise/
		);
		expect((await getExerciseKit(db, kim, id)).result?.distance).toBe(0);
		expect((await listAuditEvents(db, 'exercise', id)).map((e) => e.action)).toEqual([
			'exercise.created',
			'exercise.submitted',
			'exercise.archived'
		]);
	});
});

describe('the forms', () => {
	it('say what is wrong with each field and accept a complete exercise', () => {
		const bad = parseExerciseForm(
			{ title: '', format: 'chess', passDistance: '3.5', 'reason.7': 'x' },
			[7, 8]
		);
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(bad.errors).toMatchObject({
				title: 'Give the exercise a title',
				format: 'Choose a round format',
				passDistance: 'Give the pass distance as a number from 0 to 3, such as 0.5',
				'reference.7': 'Give the reference rating for this reason, or clear the reason'
			});
		const none = parseExerciseForm(
			{ title: 'T', format: 'coding', transcript: 'x', passDistance: '0.5' },
			[7]
		);
		expect(!none.ok && none.errors.references).toBe('Give a reference rating for at least one competency');
		const good = parseExerciseForm(
			{
				title: 'T',
				format: 'coding',
				transcript: 'x',
				passDistance: '0.75',
				open: 'on',
				'reference.8': '2',
				'reason.8': 'Why'
			},
			[7, 8]
		);
		expect(good).toEqual({
			ok: true,
			data: {
				title: 'T',
				format: 'coding',
				transcript: 'x',
				passDistance: 75,
				open: true,
				references: [{ competencyId: 8, rating: 2, reason: 'Why' }]
			}
		});
		const attempt = parseAttemptForm({ 'rating.7': '5' }, [{ id: 7, name: 'Coding' }]);
		expect(!attempt.ok && attempt.errors['rating.7']).toBe('Choose a rating for Coding');
	});
});

describe('exercise ratings never count', () => {
	it('results, comparison, calibration, the trend and exports are identical with and without them', async () => {
		const db = freshDb();
		const loop = await newLoop(db, { size: 5, at: t0 });
		for (const [i, who] of loop.panel.entries())
			await submitAs(db, who, loop.scorecards[i]!.id, {
				rating: ([3, 4, 2, 3, 4] as const)[i]!,
				now: t0 + (i + 2) * hour
			});
		const { recruiter, loopId, openingId } = loop;
		const figures = async () => {
			// The exercises themselves move in the export's list of their own; nothing else may change.
			const {
				auditEvents: _audit,
				calibrationExercises: _exercises,
				...exported
			} = JSON.parse(await exportOrganisation(db, now)) as Record<string, unknown>;
			return {
				results: await getLoopResults(db, recruiter, loopId, {}, now),
				csv: await exportLoopResults(db, recruiter, loopId),
				comparison: await getComparison(db, recruiter, openingId, {}, now),
				calibration: await getCalibration(db, recruiter, { from: t0 - 30 * day, to: t0 + 30 * day }),
				trend: await getTrend(
					db,
					recruiter,
					{ interviewerId: loop.panel[0]!.id },
					{ from: t0 - 30 * day, to: t0 + 30 * day }
				),
				exported
			};
		};
		const before = await figures();
		expect(before.results.status).toBe('ready_for_debrief');

		const { id, ids } = await codingExercise(db, recruiter, { open: true });
		for (const [i, who] of loop.panel.entries())
			await submitAttempt(db, who, id, rate(ids, i % 2 ? [1, 1, 1] : [4, 4, 4]), t0 + (i + 3) * hour);
		expect(await figures()).toEqual(before);
	});
});
