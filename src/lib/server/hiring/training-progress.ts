import type { DB } from '../platform/db';
import type { HiddenReason } from '../../domain/feedback-visibility';
import { roundFormats, type RoundFormat } from '../../domain/library';
import {
	buildSteps,
	computePairAgreement,
	defaultReverseShadowCount,
	defaultShadowCount,
	describeProgress,
	isReadyForSignOff,
	type PathSetting,
	type PracticeInterview,
	type PracticeStepKind,
	type TrainingProgress
} from '../../domain/training-paths';
import type { AuthUser } from '../auth/session';
import { feedbackAccessByLoop } from '../access/feedback-access';
import { listPassedExerciseFormats } from '../calibration/exercise-results';
import { parseDocument } from '../evaluation/scorecards';

// Training progress (decision 030), counted from the trainee's practice seats rather than
// stored, so it always matches the loops. No permission checks here: the callers in
// training-paths.ts decide who may read whose progress.

/** Every format's path: its stored counts, or the defaults. */
export async function readPathSettings(db: DB): Promise<PathSetting[]> {
	const rows = await db
		.selectFrom('trainingPath')
		.select(['format', 'shadowCount', 'reverseShadowCount', 'exerciseRequired'])
		.execute();
	// The exercise step is named only when asked for, so a path without it reads as before.
	const stored = new Map(
		rows.map(({ exerciseRequired, ...r }) => [
			r.format,
			exerciseRequired ? { ...r, exerciseRequired: true } : r
		])
	);
	return roundFormats.map(
		(format) =>
			stored.get(format) ?? {
				format,
				shadowCount: defaultShadowCount,
				reverseShadowCount: defaultReverseShadowCount
			}
	);
}

/**
 * The path of every active trainee (or of one person), by name then format. A practice
 * interview counts once its card is submitted on a loop that is not cancelled; the loop need
 * not be decided. The pair's agreement is read only for decided loops whose feedback the
 * `viewer` may see (none without a viewer).
 */
export async function readTrainingProgress(
	db: DB,
	{ userId = null, viewer }: { userId?: number | null; viewer: AuthUser | null }
): Promise<TrainingProgress[]> {
	const trainees = await db
		.selectFrom('interviewerQualification as q')
		.innerJoin('user', 'user.id', 'q.userId')
		.select(['q.userId', 'user.name as userName', 'q.format'])
		.where('q.level', '=', 'trainee')
		.where('user.deactivatedAt', 'is', null)
		.$if(userId !== null, (q) => q.where('q.userId', '=', userId!))
		.orderBy('user.name')
		.orderBy('q.userId')
		.orderBy('q.format')
		.execute();
	if (trainees.length === 0) return [];
	const userIds = [...new Set(trainees.map((t) => t.userId))];
	const [settings, seats, passed] = await Promise.all([
		readPathSettings(db),
		readPracticeSeats(db, userIds, [...new Set(trainees.map((t) => t.format))]),
		listPassedExerciseFormats(db, userIds)
	]);
	const { agreements, hidden } = viewer
		? await readAgreements(db, viewer, seats)
		: { agreements: new Map(), hidden: new Map() };
	return trainees.map((t) => {
		const mine = seats.filter((s) => s.interviewerId === t.userId && s.format === t.format);
		const interviews = (kind: PracticeStepKind): PracticeInterview[] =>
			mine
				.filter((s) => s.seatRole === kind)
				.map((s) => ({
					loopId: s.loopId,
					scorecardId: s.id,
					candidateName: s.candidateName,
					roundTitle: s.roundTitle,
					scheduledAt: s.scheduledAt,
					agreement: agreements.get(s.id) ?? null,
					agreementHidden: hidden.get(s.id) ?? null
				}));
		const setting = settings.find((s) => s.format === t.format)!;
		const steps = buildSteps(
			setting,
			{ shadow: interviews('shadow'), reverse_shadow: interviews('reverse_shadow') },
			passed.get(t.userId)?.has(t.format) ?? false
		);
		return { ...t, steps, ready: isReadyForSignOff(steps), summary: describeProgress(steps) };
	});
}

type PracticeSeat = Awaited<ReturnType<typeof readPracticeSeats>>[number];

async function readPracticeSeats(db: DB, userIds: number[], formats: RoundFormat[]) {
	return db
		.selectFrom('scorecard')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.select([
			'scorecard.id',
			'scorecard.loopId',
			'scorecard.roundId',
			'scorecard.interviewerId',
			'scorecard.seatRole',
			'scorecard.scheduledAt',
			'scorecard.content',
			'loop.outcome',
			'loopRound.format',
			'loopRound.title as roundTitle',
			'candidate.name as candidateName'
		])
		.where('scorecard.interviewerId', 'in', userIds)
		.where('loopRound.format', 'in', formats)
		.where('scorecard.seatRole', 'in', ['shadow', 'reverse_shadow'])
		.where('scorecard.status', '=', 'submitted')
		.where('loop.cancelledAt', 'is', null)
		.orderBy('scorecard.scheduledAt')
		.orderBy('scorecard.id')
		.execute();
}

/**
 * Each decided reverse shadow's agreement with the round's qualified co-interviewer: the
 * pair's ratings only, never the rest of the panel's, nothing before the decision, and
 * nothing the independence rule hides from the viewer (hiring staff who sit on that panel
 * with their own card still to come).
 */
async function readAgreements(db: DB, viewer: AuthUser, seats: PracticeSeat[]) {
	const decided = seats.filter((s) => s.seatRole === 'reverse_shadow' && s.outcome !== null);
	const agreements = new Map<number, ReturnType<typeof computePairAgreement>>();
	// Withheld agreements say why, rather than reading as "not decided yet".
	const hidden = new Map<number, HiddenReason>();
	if (decided.length === 0) return { agreements, hidden };
	const access = await feedbackAccessByLoop(
		db,
		viewer,
		decided.map((s) => s.loopId)
	);
	for (const seat of decided) {
		const rule = access.get(seat.loopId);
		if (rule && !rule.visible) hidden.set(seat.id, rule.reason);
	}
	const led = decided.filter((s) => access.get(s.loopId)?.visible);
	if (led.length === 0) return { agreements, hidden };
	const coCards = await db
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('interviewerQualification as q', (join) =>
			join.onRef('q.userId', '=', 'scorecard.interviewerId').onRef('q.format', '=', 'loopRound.format')
		)
		.select(['scorecard.roundId', 'scorecard.content'])
		.where('scorecard.roundId', 'in', [...new Set(led.map((s) => s.roundId))])
		.where('scorecard.seatRole', '=', 'interviewer')
		.where('scorecard.status', '=', 'submitted')
		.where('q.level', '=', 'qualified')
		.orderBy('scorecard.id')
		.execute();
	for (const seat of led) {
		// With two qualified co-interviewers, the first seated is the pair's other half.
		const co = coCards.find((c) => c.roundId === seat.roundId);
		if (!co) continue;
		agreements.set(
			seat.id,
			computePairAgreement(parseDocument(seat.content).ratings, parseDocument(co.content).ratings)
		);
	}
	return { agreements, hidden };
}
