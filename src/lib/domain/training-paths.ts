import { z } from 'zod';
import { checkboxSchema } from './account-schemas';
import { hiddenReasonLines, type HiddenReason } from './feedback-visibility';
import { roundFormats, type RoundFormat } from './library';

// Training paths (decision 030): per round format, a trainee does a number of shadow
// interviews, then a number of reverse-shadow interviews, then is signed off. The path is a
// list of steps so that other kinds of step can join it later without changing its readers.
// A path may also ask for a passed calibration exercise of the format (decision 031).

export const defaultShadowCount = 2;
export const defaultReverseShadowCount = 2;
export const maxPracticeCount = 10;

export interface PathSetting {
	format: RoundFormat;
	shadowCount: number;
	reverseShadowCount: number;
	/** Whether the path asks for a passed calibration exercise of the format; absent means no. */
	exerciseRequired?: boolean;
}

const practiceCount = (what: string) =>
	z.coerce
		.number({ error: `Give the number of ${what} interviews` })
		.int(`Give a whole number of ${what} interviews`)
		.min(0, `Give 0 or more ${what} interviews`)
		.max(maxPracticeCount, `Give at most ${maxPracticeCount} ${what} interviews`);

export const pathSettingSchema = z.object({
	format: z.enum(roundFormats, { error: 'Choose a round format' }),
	shadowCount: practiceCount('shadow'),
	reverseShadowCount: practiceCount('reverse-shadow'),
	exerciseRequired: checkboxSchema
});

export const signOffSchema = z.object({
	userId: z.coerce.number({ error: 'Choose a trainee' }).int().positive('Choose a trainee'),
	format: z.enum(roundFormats, { error: 'Choose a round format' })
});
export type SignOffInput = z.output<typeof signOffSchema>;

/** One competency's rating on a card; null when not assessed. */
export interface CompetencyRating {
	competencyId: number;
	rating: number | null;
}

/** How closely a trainee rated like the qualified co-interviewer on one reverse shadow. */
export interface PairAgreement {
	/** Competencies both rated (not-assessed on either side leaves one out). */
	compared: number;
	exactMatches: number;
	/** exactMatches / compared. */
	exactShare: number;
	/** Mean of |trainee − co-interviewer| over the compared competencies. */
	meanAbsoluteDifference: number;
}

/** The pair's agreement over the competencies both rated; null when there are none. */
export function computePairAgreement(
	trainee: CompetencyRating[],
	coInterviewer: CompetencyRating[]
): PairAgreement | null {
	const theirs = new Map(coInterviewer.map((r) => [r.competencyId, r.rating]));
	let compared = 0;
	let exactMatches = 0;
	let totalDifference = 0;
	for (const { competencyId, rating } of trainee) {
		const other = theirs.get(competencyId);
		if (rating === null || other === null || other === undefined) continue;
		compared += 1;
		if (rating === other) exactMatches += 1;
		totalDifference += Math.abs(rating - other);
	}
	if (compared === 0) return null;
	return {
		compared,
		exactMatches,
		exactShare: exactMatches / compared,
		meanAbsoluteDifference: totalDifference / compared
	};
}

/** A practice interview that counts towards a step. */
export interface PracticeInterview {
	loopId: number;
	scorecardId: number;
	candidateName: string;
	roundTitle: string;
	scheduledAt: number;
	/** Reverse shadows of a decided loop only: never before the decision (independence). */
	agreement: PairAgreement | null;
	/** Why a decided loop's agreement is withheld from the viewer by the independence rule; null when it is not. */
	agreementHidden: HiddenReason | null;
}

export type PracticeStepKind = 'shadow' | 'reverse_shadow';

export type TrainingStep =
	| { kind: PracticeStepKind; required: number; done: PracticeInterview[] }
	| { kind: 'exercise' | 'sign_off'; done: boolean };

export const stepLabels: Record<TrainingStep['kind'], string> = {
	shadow: 'Shadow',
	reverse_shadow: 'Reverse shadow',
	exercise: 'Calibration exercise',
	sign_off: 'Sign-off'
};

/** "Calibration exercise passed" or "Calibration exercise to pass". */
export const describeExerciseStep = (passed: boolean) =>
	`${stepLabels.exercise} ${passed ? 'passed' : 'to pass'}`;

/**
 * The steps of a path, given the trainee's counted practice interviews in the format and
 * whether they have passed a calibration exercise of it (a step only when the path asks).
 */
export function buildSteps(
	setting: PathSetting,
	interviews: Record<PracticeStepKind, PracticeInterview[]>,
	exercisePassed = false
): TrainingStep[] {
	return [
		{ kind: 'shadow', required: setting.shadowCount, done: interviews.shadow },
		{ kind: 'reverse_shadow', required: setting.reverseShadowCount, done: interviews.reverse_shadow },
		...(setting.exerciseRequired ? [{ kind: 'exercise' as const, done: exercisePassed }] : []),
		{ kind: 'sign_off', done: false }
	];
}

/** Whether a step is a counted practice step (its `done` lists the interviews). */
export const isPracticeStep = (
	step: TrainingStep
): step is Extract<TrainingStep, { kind: PracticeStepKind }> =>
	step.kind === 'shadow' || step.kind === 'reverse_shadow';

/** One trainee's path in one format, as the pages and the API show it. */
export interface TrainingProgress {
	userId: number;
	userName: string;
	format: RoundFormat;
	steps: TrainingStep[];
	ready: boolean;
	/** describeProgress(steps). */
	summary: string;
}

/** Whether every step before the sign-off is complete, so the trainee may be signed off. */
export function isReadyForSignOff(steps: TrainingStep[]): boolean {
	return steps.every((s) => {
		if (s.kind === 'sign_off') return true;
		return isPracticeStep(s) ? s.done.length >= s.required : s.done;
	});
}

/** "Shadow 1 of 2, Reverse shadow 0 of 2, sign-off pending". */
export function describeProgress(steps: TrainingStep[]): string {
	return steps
		.map((s) => {
			if (isPracticeStep(s))
				return `${stepLabels[s.kind]} ${Math.min(s.done.length, s.required)} of ${s.required}`;
			if (s.kind === 'exercise') return describeExerciseStep(s.done);
			return `sign-off ${s.done ? 'done' : 'pending'}`;
		})
		.join(', ');
}

/** The pair's agreement in words, or why there is none to show yet. */
export function describeAgreement(
	agreement: PairAgreement | null,
	hidden: HiddenReason | null = null
): string {
	if (hidden) {
		const line = hiddenReasonLines[hidden];
		return `agreement ${line.charAt(0).toLowerCase()}${line.slice(1)}`;
	}
	if (!agreement) return 'agreement shown once the loop is decided, beside a qualified co-interviewer';
	const { exactMatches, compared, exactShare, meanAbsoluteDifference } = agreement;
	return `same rating as the co-interviewer on ${exactMatches} of ${compared} (${Math.round(exactShare * 100)}%), mean difference ${meanAbsoluteDifference.toFixed(2)}`;
}
