import { describe, expect, it } from 'vitest';
import { day } from '../../../src/lib/domain/time';
import { markerPosition, type ExerciseInput } from '../../../src/lib/domain/exercises';
import { archiveExercise, createExercise } from '../../../src/lib/server/calibration/exercises';
import { submitAttempt } from '../../../src/lib/server/calibration/exercise-attempts';
import {
	assignExercise,
	listAssignmentChoices,
	listExerciseMarkers
} from '../../../src/lib/server/calibration/exercise-assignments';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { setQualification } from '../../../src/lib/server/hiring/qualifications';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import type { DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { competencyId, newUser } from '../../support/seed';

// Assigning exercises from the calibration page (decision 031): the choices fit the person's
// formats, and the trend's markers are for hiring staff and the person only.

const t0 = Date.UTC(2026, 9, 5, 9);

async function exercise(
	db: DB,
	recruiter: AuthUser,
	title: string,
	format: ExerciseInput['format'],
	open = false
) {
	const coding = await competencyId(db, 'Coding');
	return createExercise(
		db,
		recruiter,
		{
			title,
			format,
			transcript: 'What the candidate said.',
			passDistance: 50,
			open,
			references: [{ competencyId: coding, rating: 3, reason: 'Working code' }]
		},
		t0
	);
}

describe('assigning an exercise', () => {
	it('offers the active exercises of the person’s formats, without those taken or given already', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const [kim, lee] = [await newUser(db), await newUser(db)];
		const coding = await exercise(db, recruiter, 'Coding A', 'coding');
		const openCoding = await exercise(db, recruiter, 'Coding B', 'coding', true);
		await exercise(db, recruiter, 'Design A', 'system_design');
		const old = await exercise(db, recruiter, 'Coding old', 'coding');
		await archiveExercise(db, recruiter, old, t0);
		await setQualification(db, recruiter, { userId: kim.id, format: 'coding', level: 'qualified' }, t0);
		const titles = async () => {
			const choices = await listAssignmentChoices(db, recruiter, [kim.id, lee.id]);
			return [choices[kim.id]!.map((c) => c.title), choices[lee.id]!.map((c) => c.title)];
		};
		// Lee has no format yet: every active exercise.
		expect(await titles()).toEqual([
			['Coding A', 'Coding B'],
			['Coding A', 'Coding B', 'Design A']
		]);

		expect(await assignExercise(db, recruiter, { userId: kim.id, exerciseId: coding }, t0 + day)).toBe(
			'Coding A'
		);
		expect((await titles())[0]).toEqual(['Coding B']);
		const rating = { competencyId: await competencyId(db, 'Coding'), rating: 3, evidence: '' };
		await submitAttempt(db, kim, openCoding, [rating], t0 + 2 * day);
		expect((await titles())[0]).toEqual([]);
		await expect(listAssignmentChoices(db, kim, [kim.id])).rejects.toBeInstanceOf(ForbiddenError);
		expect((await listAuditEvents(db, 'user', kim.id)).map((e) => e.action)).toContain('exercise.assigned');
	});

	it('refuses a deactivated person at the person field, assigning nothing', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const gone = await newUser(db);
		const coding = await exercise(db, recruiter, 'Coding A', 'coding');
		await deactivateUser(db, await newUser(db, { role: 'admin' }), gone.id);
		await expect(assignExercise(db, recruiter, { userId: gone.id, exerciseId: coding }, t0)).rejects.toEqual(
			new InputError({ userId: 'Choose an active interviewer' })
		);
		expect((await listAuditEvents(db, 'user', gone.id)).map((e) => e.action)).not.toContain(
			'exercise.assigned'
		);
	});
});

describe('the trend’s exercise markers', () => {
	it('mark the assignment and the completion with its distance, for hiring staff and the person only', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const [kim, lee] = [await newUser(db), await newUser(db)];
		const id = await exercise(db, recruiter, 'Coding A', 'coding');
		await assignExercise(db, recruiter, { userId: kim.id, exerciseId: id }, t0);
		await submitAttempt(
			db,
			kim,
			id,
			[{ competencyId: await competencyId(db, 'Coding'), rating: 1, evidence: '' }],
			t0 + day
		);
		const expected = [
			{ at: t0, kind: 'assigned', title: 'Coding A', distance: null },
			{ at: t0 + day, kind: 'completed', title: 'Coding A', distance: 2 }
		];
		expect(await listExerciseMarkers(db, recruiter, kim.id)).toEqual(expected);
		expect(await listExerciseMarkers(db, kim, kim.id)).toEqual(expected);
		await expect(listExerciseMarkers(db, lee, kim.id)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('where a marker sits on the trend', () => {
	it('on its month, halfway between the charted months around it, or nowhere outside them', () => {
		const months = ['2026-03', '2026-05', '2026-06'];
		expect(markerPosition(months, '2026-05')).toBe(1);
		expect(markerPosition(months, '2026-04')).toBe(0.5);
		expect(markerPosition(months, '2026-02')).toBeNull();
		expect(markerPosition(months, '2026-07')).toBeNull();
	});
});
