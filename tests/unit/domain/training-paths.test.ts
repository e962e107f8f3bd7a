import { describe, expect, it } from 'vitest';
import {
	buildSteps,
	computePairAgreement,
	describeAgreement,
	describeProgress,
	isReadyForSignOff,
	type PracticeInterview
} from '../../../src/lib/domain/training-paths';

// The pair's agreement and a path's progress line (decision 030), checked by hand.

const rated = (ratings: (number | null)[]) => ratings.map((rating, i) => ({ competencyId: i + 1, rating }));

describe('computePairAgreement', () => {
	it('compares only competencies both rated: exact share and mean absolute difference', () => {
		// Competencies 1-3 are compared (4: trainee did not assess, 5: co-interviewer did not,
		// 6: co-interviewer has no rating at all). |4-3| + |3-3| + |1-3| = 3 over 3.
		const trainee = rated([4, 3, 1, null, 3, 2]);
		const co = rated([3, 3, 3, 2, null]);
		expect(computePairAgreement(trainee, co)).toEqual({
			compared: 3,
			exactMatches: 1,
			exactShare: 1 / 3,
			meanAbsoluteDifference: 1
		});
	});

	it('is null when nothing can be compared, and perfect for identical cards', () => {
		expect(computePairAgreement(rated([null, 2]), rated([3, null]))).toBeNull();
		expect(computePairAgreement(rated([2, 4]), rated([2, 4]))).toEqual({
			compared: 2,
			exactMatches: 2,
			exactShare: 1,
			meanAbsoluteDifference: 0
		});
	});
});

describe('describeAgreement', () => {
	it('says why a decided loop’s agreement is withheld, rather than that the loop is undecided', () => {
		expect(describeAgreement(null)).toBe(
			'agreement shown once the loop is decided, beside a qualified co-interviewer'
		);
		expect(describeAgreement(null, 'own_pending')).toBe(
			'agreement hidden until your own scorecard for this loop is in'
		);
		expect(describeAgreement(null, 'panel_pending')).toBe(
			'agreement hidden until the whole panel of this loop has submitted (strict mode)'
		);
	});
});

describe('a path’s steps', () => {
	const done = (n: number): PracticeInterview[] =>
		Array.from({ length: n }, (_, i) => ({
			loopId: i + 1,
			scorecardId: i + 1,
			candidateName: 'Ada',
			roundTitle: 'Coding',
			scheduledAt: 0,
			agreement: null,
			agreementHidden: null
		}));

	it('reads as the trainee sees it and is ready once every practice count is met', () => {
		const partway = buildSteps(
			{ format: 'coding', shadowCount: 2, reverseShadowCount: 2 },
			{ shadow: done(1), reverse_shadow: [] }
		);
		expect(describeProgress(partway)).toBe('Shadow 1 of 2, Reverse shadow 0 of 2, sign-off pending');
		expect(isReadyForSignOff(partway)).toBe(false);

		// More than asked for is shown as the count asked for.
		const beyond = buildSteps(
			{ format: 'coding', shadowCount: 2, reverseShadowCount: 1 },
			{ shadow: done(3), reverse_shadow: done(1) }
		);
		expect(describeProgress(beyond)).toBe('Shadow 2 of 2, Reverse shadow 1 of 1, sign-off pending');
		expect(isReadyForSignOff(beyond)).toBe(true);
		expect(
			isReadyForSignOff(
				buildSteps(
					{ format: 'coding', shadowCount: 0, reverseShadowCount: 0 },
					{ shadow: [], reverse_shadow: [] }
				)
			)
		).toBe(true);
	});

	it('asks for a passed calibration exercise only when the path does, and waits for it', () => {
		const setting = { format: 'coding' as const, shadowCount: 1, reverseShadowCount: 0 };
		const interviews = { shadow: done(1), reverse_shadow: [] };
		expect(buildSteps(setting, interviews, true).map((s) => s.kind)).toEqual([
			'shadow',
			'reverse_shadow',
			'sign_off'
		]);
		const pending = buildSteps({ ...setting, exerciseRequired: true }, interviews, false);
		expect(describeProgress(pending)).toBe(
			'Shadow 1 of 1, Reverse shadow 0 of 0, Calibration exercise to pass, sign-off pending'
		);
		expect(isReadyForSignOff(pending)).toBe(false);
		const passed = buildSteps({ ...setting, exerciseRequired: true }, interviews, true);
		expect(describeProgress(passed)).toBe(
			'Shadow 1 of 1, Reverse shadow 0 of 0, Calibration exercise passed, sign-off pending'
		);
		expect(isReadyForSignOff(passed)).toBe(true);
	});
});
