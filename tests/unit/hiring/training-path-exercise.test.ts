import { describe, expect, it } from 'vitest';
import { day } from '../../../src/lib/domain/time';
import type { RoundFormat } from '../../../src/lib/domain/library';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { submitAttempt } from '../../../src/lib/server/calibration/exercise-attempts';
import { createExercise } from '../../../src/lib/server/calibration/exercises';
import { listOwnQualifications, setQualification } from '../../../src/lib/server/hiring/qualifications';
import {
	getUserTraining,
	listOwnTraining,
	listPathSettings,
	listSignOffQueue,
	setPathSetting,
	signOffTrainee
} from '../../../src/lib/server/hiring/training-paths';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { DB } from '../../../src/lib/server/platform/db';
import { ConflictError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { competencyId, newUser } from '../../support/seed';

// A passed calibration exercise as a step of a training path (decisions 030 and 031): only a
// passed attempt at an exercise of the path's format counts, and sign-off waits for it.

const t0 = Date.UTC(2026, 9, 5, 9);

/** Tia, a Coding trainee on a path with no practice interviews, and a recruiter. */
async function coachingSetup() {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const tia = await newUser(db, { name: 'Tia' });
	await setQualification(db, recruiter, { userId: tia.id, format: 'coding', level: 'trainee' }, t0);
	await setPathSetting(db, recruiter, { format: 'coding', shadowCount: 0, reverseShadowCount: 0 }, t0);
	return { db, recruiter, tia };
}

/** An open exercise referenced at 3 everywhere; `who` rates `rating` everywhere (distance |rating − 3|). */
async function attempt(db: DB, recruiter: AuthUser, who: AuthUser, format: RoundFormat, rating: number) {
	const ids = [await competencyId(db, 'Coding'), await competencyId(db, 'Problem solving')];
	const exerciseId = await createExercise(
		db,
		recruiter,
		{
			title: `Walkthrough ${format} ${rating}`,
			format,
			transcript: 'The candidate wrote a token bucket and tested the edges.',
			passDistance: 50,
			open: true,
			references: ids.map((competencyId) => ({ competencyId, rating: 3, reason: 'Agreed' }))
		},
		t0
	);
	const ratings = ids.map((competencyId) => ({ competencyId, rating, evidence: 'Seen in the transcript' }));
	return submitAttempt(db, who, exerciseId, ratings, t0 + day);
}

const progressOf = async (db: DB, who: AuthUser) =>
	(await listOwnTraining(db, who)).map((p) => [p.summary, p.ready, p.steps.map((s) => s.kind)]);

describe('a passed calibration exercise on a path', () => {
	it('is a step only when the path asks for it, and only a passed exercise of the format counts', async () => {
		const { db, recruiter, tia } = await coachingSetup();
		expect(await progressOf(db, tia)).toEqual([
			[
				'Shadow 0 of 0, Reverse shadow 0 of 0, sign-off pending',
				true,
				['shadow', 'reverse_shadow', 'sign_off']
			]
		]);

		await setPathSetting(
			db,
			recruiter,
			{ format: 'coding', shadowCount: 0, reverseShadowCount: 0, exerciseRequired: true },
			t0 + day
		);
		expect((await listPathSettings(db, recruiter)).find((s) => s.format === 'coding')).toEqual({
			format: 'coding',
			shadowCount: 0,
			reverseShadowCount: 0,
			exerciseRequired: true
		});
		const changed = (await listAuditEvents(db, 'setting', 'training_path.coding')).at(-1);
		expect([changed!.before, changed!.after].map((side) => JSON.parse(side!).exerciseRequired)).toEqual([
			false,
			true
		]);
		const pending = [
			'Shadow 0 of 0, Reverse shadow 0 of 0, Calibration exercise to pass, sign-off pending',
			false,
			['shadow', 'reverse_shadow', 'exercise', 'sign_off']
		];
		expect(await progressOf(db, tia)).toEqual([pending]);

		// Failed in Coding (distance 1 over a pass distance of 0.5), passed in Behavioural.
		expect((await attempt(db, recruiter, tia, 'coding', 2)).passed).toBe(false);
		expect((await attempt(db, recruiter, tia, 'behavioural', 3)).passed).toBe(true);
		expect(await progressOf(db, tia)).toEqual([pending]);

		expect((await attempt(db, recruiter, tia, 'coding', 3)).passed).toBe(true);
		const passed = [
			'Shadow 0 of 0, Reverse shadow 0 of 0, Calibration exercise passed, sign-off pending',
			true,
			['shadow', 'reverse_shadow', 'exercise', 'sign_off']
		];
		expect(await progressOf(db, tia)).toEqual([passed]);
		const [asStaff] = await getUserTraining(db, recruiter, tia.id);
		expect(asStaff!.steps).toContainEqual({ kind: 'exercise', done: true });
	});

	it('holds sign-off back until the exercise is passed, then the trainee is signed off', async () => {
		const { db, recruiter, tia } = await coachingSetup();
		await setPathSetting(
			db,
			recruiter,
			{ format: 'coding', shadowCount: 0, reverseShadowCount: 0, exerciseRequired: true },
			t0
		);
		const quinn = await newUser(db, { name: 'Quinn' });
		await setQualification(db, recruiter, { userId: quinn.id, format: 'coding', level: 'qualified' }, t0);
		const now = t0 + 2 * day;

		await expect(signOffTrainee(db, quinn, { userId: tia.id, format: 'coding' }, now)).rejects.toEqual(
			new ConflictError(
				'Not ready for sign-off yet: Shadow 0 of 0, Reverse shadow 0 of 0, Calibration exercise to pass, sign-off pending.'
			)
		);
		expect(await listSignOffQueue(db, quinn, now)).toEqual([]);
		expect((await listOwnQualifications(db, tia, now)).map((q) => q.level)).toEqual(['trainee']);

		await attempt(db, recruiter, tia, 'coding', 3);
		expect((await listSignOffQueue(db, quinn, now)).map((c) => [c.userName, c.summary])).toEqual([
			['Tia', 'Shadow 0 of 0, Reverse shadow 0 of 0, Calibration exercise passed, sign-off pending']
		]);
		await signOffTrainee(db, quinn, { userId: tia.id, format: 'coding' }, now);
		expect((await listOwnQualifications(db, tia, now)).map((q) => q.level)).toEqual(['qualified']);
		const audit = await listAuditEvents(db, 'user', tia.id);
		expect(JSON.parse(audit.find((e) => e.action === 'training.signed_off')!.after!)).toMatchObject({
			progress: 'Shadow 0 of 0, Reverse shadow 0 of 0, Calibration exercise passed, sign-off done'
		});
	});
});
