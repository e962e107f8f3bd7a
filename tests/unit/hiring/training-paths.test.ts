import { describe, expect, it } from 'vitest';
import { day, hour } from '../../../src/lib/domain/time';
import type { RoundFormat } from '../../../src/lib/domain/library';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { addToPanel, cancelLoop } from '../../../src/lib/server/hiring/panel';
import { listOwnQualifications, setQualification } from '../../../src/lib/server/hiring/qualifications';
import {
	getUserTraining,
	listOwnTraining,
	listPathSettings,
	listSignOffQueue,
	listTraineeProgress,
	setPathSetting,
	signOffTrainee
} from '../../../src/lib/server/hiring/training-paths';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { DB } from '../../../src/lib/server/platform/db';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newLoop, newUser, submitAs, type SeededUser } from '../../support/seed';

// Training paths (decision 030): progress counted from practice seats, the pair's agreement
// on decided reverse shadows only, and who may sign a trainee off.

const t0 = Date.UTC(2026, 9, 5, 9);
const now = t0 + 20 * day;

/** A trainee, Tia, in the format of the seeded template's first round, and a recruiter. */
async function trainee() {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const tia = await newUser(db, { name: 'Tia' });
	const probe = await newLoop(db, { size: 1, at: t0 });
	const round = await db
		.selectFrom('loopRound')
		.select(['format'])
		.where('id', '=', probe.rounds[0]!.id)
		.executeTakeFirstOrThrow();
	const format = round.format;
	await setQualification(db, recruiter, { userId: tia.id, format, level: 'trainee' }, t0 - day);
	return { db, recruiter, tia, format };
}

interface PracticeOptions {
	/** The trainee's round on the seeded template: 0 is in the trainee's format, 1 is not. */
	round?: 0 | 1;
	submit?: boolean;
	decide?: boolean;
	cancel?: boolean;
	traineeRating?: 1 | 2 | 3 | 4;
	/** The qualified co-interviewer's rating, when one sits on the round. */
	coRating?: 1 | 2 | 3 | 4;
	/** The other, unqualified panelist's rating on the round. */
	otherRating?: 1 | 2 | 3 | 4;
	/** People seated on the next round who have not submitted when the loop is decided. */
	pending?: SeededUser[];
	/** The loop in strict mode: feedback hidden from its panel until every counting card is in. */
	strict?: boolean;
}

/** A loop with `who` on a practice seat of round 0, beside an unqualified panelist (seated first). */
async function practice(
	db: DB,
	who: SeededUser,
	role: 'shadow' | 'reverse_shadow',
	format: RoundFormat,
	{
		round = 0,
		pending = [],
		strict = false,
		submit = true,
		decide = false,
		cancel = false,
		traineeRating = 3,
		coRating,
		otherRating = 3
	}: PracticeOptions = {}
) {
	const loop = await newLoop(db, { size: 1, at: t0 });
	if (strict)
		await db.updateTable('loop').set({ visibilityMode: 'after_all' }).where('id', '=', loop.loopId).execute();
	const seat = (user: AuthUser, seatRole: 'interviewer' | 'shadow' | 'reverse_shadow', on = 0) =>
		addToPanel(
			db,
			loop.recruiter,
			loop.loopId,
			{ roundId: loop.rounds[on]!.id, interviewerIds: [user.id], scheduledAt: t0, role: seatRole },
			t0 - day
		).then(([id]) => id!);
	let coId: number | null = null;
	let co: SeededUser | null = null;
	if (coRating !== undefined) {
		co = await newUser(db, { name: 'Quinn' });
		await setQualification(db, loop.recruiter, { userId: co.id, format, level: 'qualified' }, t0 - day);
		coId = await seat(co, 'interviewer');
	}
	const practiceId = await seat(who, role, round);
	const pendingIds: number[] = [];
	for (const p of pending) pendingIds.push(await seat(p, 'interviewer', 1));
	if (submit) await submitAs(db, who, practiceId, { rating: traineeRating, now: t0 + hour });
	await submitAs(db, loop.panel[0]!, loop.scorecards[0]!.id, { rating: otherRating, now: t0 + hour });
	if (co && coId) await submitAs(db, co, coId, { rating: coRating!, now: t0 + hour });
	if (decide) {
		await recordDecision(
			db,
			loop.recruiter,
			loop.loopId,
			{
				outcome: 'hire',
				rationale: 'Strong.',
				dissent: '',
				attendeeIds: [loop.recruiter.id],
				changeReason: ''
			},
			t0 + 2 * hour
		);
	}
	if (cancel) await cancelLoop(db, loop.recruiter, loop.loopId, 'Withdrew', t0 + 2 * hour);
	return { loopId: loop.loopId, practiceId, pendingIds };
}

/** What a trainee's page shows: format, progress line, counted loops. */
const shown = (rows: { format: string; summary: string; ready: boolean }[]) =>
	rows.map((r) => [r.format, r.summary, r.ready]);

describe('progress along a path', () => {
	it('counts submitted practice cards on loops not cancelled, in the trainee’s format only', async () => {
		const { db, tia, format } = await trainee();
		expect(shown(await listOwnTraining(db, tia))).toEqual([
			[format, 'Shadow 0 of 2, Reverse shadow 0 of 2, sign-off pending', false]
		]);

		const counted = await practice(db, tia, 'shadow', format);
		await practice(db, tia, 'shadow', format, { submit: false });
		await practice(db, tia, 'shadow', format, { cancel: true });
		await practice(db, tia, 'shadow', format, { round: 1 });
		const led = await practice(db, tia, 'reverse_shadow', format);
		const [path] = await listOwnTraining(db, tia);
		expect(shown([path!])).toEqual([
			[format, 'Shadow 1 of 2, Reverse shadow 1 of 2, sign-off pending', false]
		]);
		const [shadows, reverse] = path!.steps;
		expect(shadows).toMatchObject({
			kind: 'shadow',
			done: [{ loopId: counted.loopId, candidateName: 'Ada' }]
		});
		expect(reverse).toMatchObject({
			kind: 'reverse_shadow',
			done: [{ loopId: led.loopId, agreement: null }]
		});
	});

	it('is ready for sign-off once both counts are met; a recruiter sets each format’s counts, audited', async () => {
		const { db, recruiter, tia, format } = await trainee();
		await practice(db, tia, 'shadow', format);
		await practice(db, tia, 'reverse_shadow', format);
		await setPathSetting(db, recruiter, { format, shadowCount: 1, reverseShadowCount: 1 }, now);
		expect(shown(await listOwnTraining(db, tia))).toEqual([
			[format, 'Shadow 1 of 1, Reverse shadow 1 of 1, sign-off pending', true]
		]);
		expect((await listPathSettings(db, recruiter)).find((s) => s.format === format)).toEqual({
			format,
			shadowCount: 1,
			reverseShadowCount: 1
		});
		const [changed] = await listAuditEvents(db, 'setting', `training_path.${format}`);
		expect([JSON.parse(changed!.before!).shadowCount, JSON.parse(changed!.after!).shadowCount]).toEqual([
			2, 1
		]);
	});
});

describe('the pair’s agreement on a reverse shadow', () => {
	it('compares the trainee with the qualified co-interviewer only, and only once the loop is decided', async () => {
		const { db, tia, recruiter, format } = await trainee();
		// Tia rates 4 everywhere, the qualified Quinn 2, the unqualified panelist 4 (ignored).
		const undecided = await practice(db, tia, 'reverse_shadow', format, {
			traineeRating: 4,
			coRating: 2,
			otherRating: 4
		});
		const decided = await practice(db, tia, 'reverse_shadow', format, {
			traineeRating: 4,
			coRating: 2,
			otherRating: 4,
			decide: true
		});
		const competencies = await db
			.selectFrom('loopRoundCompetency')
			.innerJoin('scorecard', 'scorecard.roundId', 'loopRoundCompetency.roundId')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('scorecard.id', '=', decided.practiceId)
			.executeTakeFirstOrThrow();
		const agreementOf = async (read: () => Promise<{ steps: unknown[] }[]>) => {
			const [path] = await read();
			const step = path!.steps[1] as { done: { loopId: number; agreement: unknown }[] };
			return Object.fromEntries(step.done.map((d) => [d.loopId, d.agreement]));
		};
		const expected = {
			[undecided.loopId]: null,
			[decided.loopId]: {
				compared: Number(competencies.n),
				exactMatches: 0,
				exactShare: 0,
				meanAbsoluteDifference: 2
			}
		};
		expect(await agreementOf(() => listOwnTraining(db, tia))).toEqual(expected);
		expect(await agreementOf(() => listTraineeProgress(db, recruiter))).toEqual(expected);
	});

	// Rita runs hiring and sits on the led loop's panel beside Sam; the loop was decided before
	// either card came in. Her views are /interviewers (every trainee), the API's
	// GET /users/{id}/training, and Tia's own /training.
	describe.each([
		{ mode: 'after own', strict: false },
		{ mode: 'strict', strict: true }
	])('in $mode mode', ({ strict }) => {
		it('is hidden from hiring staff on that panel until the rule lets them see its feedback, and from the trainee in strict mode until the panel is in', async () => {
			const { db, tia, recruiter, format } = await trainee();
			const rita = await newUser(db, { role: 'recruiter', name: 'Rita' });
			const sam = await newUser(db, { name: 'Sam' });
			const led = await practice(db, tia, 'reverse_shadow', format, {
				coRating: 3,
				decide: true,
				pending: [rita, sam],
				strict
			});
			const [ritaCard, samCard] = led.pendingIds as [number, number];
			const agreementIn = (paths: { steps: unknown[] }[]) => {
				const step = paths[0]!.steps[1] as {
					done: { loopId: number; agreement: unknown; agreementHidden: unknown }[];
				};
				const { agreement, agreementHidden } = step.done.find((d) => d.loopId === led.loopId)!;
				return { agreement, agreementHidden };
			};
			const seen = async (viewer: AuthUser) =>
				viewer.id === tia.id
					? [agreementIn(await listOwnTraining(db, tia)), agreementIn(await getUserTraining(db, tia, tia.id))]
					: [
							agreementIn(await listTraineeProgress(db, viewer)),
							agreementIn(await getUserTraining(db, viewer, tia.id))
						];
			const shown = {
				agreement: expect.objectContaining({ exactMatches: 2, meanAbsoluteDifference: 0 }),
				agreementHidden: null
			};
			// Withheld, with the reason the page puts in words.
			const hidden = (reason: string) => [
				{ agreement: null, agreementHidden: reason },
				{ agreement: null, agreementHidden: reason }
			];
			const visible = [shown, shown];

			expect(await seen(recruiter)).toEqual(visible);
			expect(await seen(rita)).toEqual(hidden('own_pending'));
			expect(await seen(tia)).toEqual(strict ? hidden('panel_pending') : visible);
			await submitAs(db, rita, ritaCard, { now: t0 + 3 * hour });
			expect(await seen(rita)).toEqual(strict ? hidden('panel_pending') : visible);
			await submitAs(db, sam, samCard, { now: t0 + 3 * hour });
			expect(await seen(rita)).toEqual(visible);
			expect(await seen(tia)).toEqual(visible);
		});
	});
});

describe('signing off', () => {
	async function readyTrainee() {
		const setup = await trainee();
		const { db, recruiter, tia, format } = setup;
		await setPathSetting(db, recruiter, { format, shadowCount: 1, reverseShadowCount: 1 }, now);
		await practice(db, tia, 'shadow', format);
		return setup;
	}

	it('is refused until the steps are done, and to the trainee, an unqualified or other-format interviewer', async () => {
		const { db, tia, recruiter, format } = await readyTrainee();
		const other: RoundFormat = format === 'presentation' ? 'coding' : 'presentation';
		const quinn = await newUser(db, { name: 'Quinn' });
		await setQualification(db, recruiter, { userId: quinn.id, format, level: 'qualified' }, now);
		const olga = await newUser(db, { name: 'Olga' });
		await setQualification(db, recruiter, { userId: olga.id, format: other, level: 'qualified' }, now);
		const nobody = await newUser(db, { name: 'Ned' });

		await expect(signOffTrainee(db, quinn, { userId: tia.id, format }, now)).rejects.toEqual(
			new ConflictError('Not ready for sign-off yet: Shadow 1 of 1, Reverse shadow 0 of 1, sign-off pending.')
		);
		expect(await listSignOffQueue(db, quinn, now)).toEqual([]);
		await practice(db, tia, 'reverse_shadow', format);

		for (const who of [tia, olga, nobody]) {
			await expect(signOffTrainee(db, who, { userId: tia.id, format }, now)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			expect(await listSignOffQueue(db, who, now)).toEqual([]);
		}
		expect((await listOwnQualifications(db, tia, now)).map((q) => q.level)).toEqual(['trainee']);
	});

	it('a qualified interviewer of the format signs off: the trainee is qualified, audited with the counts', async () => {
		const { db, tia, recruiter, format } = await readyTrainee();
		await practice(db, tia, 'reverse_shadow', format);
		const quinn = await newUser(db, { name: 'Quinn' });
		await setQualification(db, recruiter, { userId: quinn.id, format, level: 'qualified' }, now);
		expect(await listSignOffQueue(db, quinn, now)).toEqual([
			{
				userId: tia.id,
				userName: 'Tia',
				format,
				summary: 'Shadow 1 of 1, Reverse shadow 1 of 1, sign-off pending',
				counts: { shadow: 1, reverse_shadow: 1 }
			}
		]);

		await signOffTrainee(db, quinn, { userId: tia.id, format }, now + day);
		expect((await listOwnQualifications(db, tia, now + day)).map((q) => [q.format, q.status])).toEqual([
			[format, 'qualified']
		]);
		expect(await listOwnTraining(db, tia)).toEqual([]);
		const audit = (await listAuditEvents(db, 'user', tia.id)).filter((e) => e.action !== 'user.created');
		expect(audit.map((e) => [e.action, e.actorUserId, JSON.parse(e.after!)])).toContainEqual([
			'training.signed_off',
			quinn.id,
			{
				format,
				shadow: 1,
				reverse_shadow: 1,
				progress: 'Shadow 1 of 1, Reverse shadow 1 of 1, sign-off done'
			}
		]);
		expect(audit.filter((e) => e.action === 'qualification.changed').at(-1)).toMatchObject({
			actorUserId: quinn.id,
			after: JSON.stringify({ format, level: 'qualified' })
		});
		await expect(signOffTrainee(db, recruiter, { userId: tia.id, format }, now)).rejects.toBeInstanceOf(
			ConflictError
		);
	});

	it('a recruiter signs off without a qualification; a lapsed qualified interviewer may not', async () => {
		const { db, tia, recruiter, format } = await readyTrainee();
		await practice(db, tia, 'reverse_shadow', format);
		const lapsed = await newUser(db, { name: 'Lars' });
		await setQualification(db, recruiter, { userId: lapsed.id, format, level: 'qualified' }, t0 - 400 * day);
		await expect(signOffTrainee(db, lapsed, { userId: tia.id, format }, now)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await signOffTrainee(db, recruiter, { userId: tia.id, format }, now);
		expect((await listOwnQualifications(db, tia, now)).map((q) => q.level)).toEqual(['qualified']);
	});
});

describe('who reads whose training', () => {
	it('the trainee and hiring staff; not another interviewer; an unknown person is not found', async () => {
		const { db, tia, recruiter, format } = await trainee();
		const admin = await newUser(db, { role: 'admin' });
		const colleague = await newUser(db);
		expect(shown(await getUserTraining(db, tia, tia.id))).toEqual([
			[format, 'Shadow 0 of 2, Reverse shadow 0 of 2, sign-off pending', false]
		]);
		expect(await getUserTraining(db, admin, tia.id)).toEqual(await getUserTraining(db, tia, tia.id));
		await expect(getUserTraining(db, colleague, tia.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listTraineeProgress(db, colleague)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listPathSettings(db, colleague)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			setPathSetting(db, colleague, { format, shadowCount: 0, reverseShadowCount: 0 }, now)
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getUserTraining(db, recruiter, 99_999)).rejects.toBeInstanceOf(NotFoundError);
		expect(shown(await listTraineeProgress(db, recruiter))).toEqual([
			[format, 'Shadow 0 of 2, Reverse shadow 0 of 2, sign-off pending', false]
		]);
	});
});
