import { describe, expect, it } from 'vitest';
import { day, hour } from '../../../src/lib/domain/time';
import { getProvisionedUser, provisionUser } from '../../../src/lib/server/accounts/scim-users';
import { createScimToken } from '../../../src/lib/server/accounts/scim-tokens';
import { resolveSsoAccount } from '../../../src/lib/server/accounts/sso-accounts';
import { scimUserSchema } from '../../../src/lib/domain/scim';
import type { SsoSettings } from '../../../src/lib/domain/single-sign-on';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { getTwoFactorRequirement } from '../../../src/lib/server/auth/two-factor-policy';
import { getCalibration } from '../../../src/lib/server/calibration/calibration';
import {
	listAssignedExercises,
	assignExercise
} from '../../../src/lib/server/calibration/exercise-assignments';
import { submitAttempt } from '../../../src/lib/server/calibration/exercise-attempts';
import { listExerciseAttempts, listOwnResults } from '../../../src/lib/server/calibration/exercise-results';
import {
	archiveExercise,
	createExercise,
	listAllExercises
} from '../../../src/lib/server/calibration/exercises';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { listPracticeScorecards } from '../../../src/lib/server/evaluation/practice-scorecards';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import {
	readMonitoringSettings,
	saveMonitoringSettings
} from '../../../src/lib/server/fairness/monitoring-settings';
import { addToPanel } from '../../../src/lib/server/hiring/panel';
import {
	readLapseMonths,
	setLapseMonths,
	setQualification
} from '../../../src/lib/server/hiring/qualifications';
import { readRetentionMonths, setRetentionMonths } from '../../../src/lib/server/hiring/retention';
import { getUserTraining, setPathSetting } from '../../../src/lib/server/hiring/training-paths';
import type { DB } from '../../../src/lib/server/platform/db';
import { prepareDatabase } from '../../../src/lib/server/platform/prepare-database';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { ImportRefusedError, importOrganisation } from '../../../src/lib/server/transfer/import';
import { freshDb } from '../helpers/db';
import { competencyId, newLoop, newUser, submitAs } from '../../support/seed';

// Interviewer development moves with the organisation: a trainee's practice cards (so their
// path keeps its progress), the calibration exercises with everyone's attempts and
// assignments, the admins' organisation-wide choices, and who people are at the company's
// identity provider. Practice cards still count in no
// figure after the move, and a file with a wrong one is refused by path, changing nothing.

const t0 = Date.UTC(2026, 9, 5, 9);

const provider: SsoSettings = {
	issuer: 'https://id.example.com',
	clientId: 'panelist',
	clientSecret: 'not used here',
	displayName: 'Example ID',
	allowedDomains: [],
	defaultRole: 'interviewer',
	groupsClaim: 'groups',
	groupRoles: new Map(),
	requiredByEnvironment: false,
	breakGlassEmail: null
};
const now = t0 + 20 * day;

async function developedOrganisation() {
	const db = freshDb();
	const loop = await newLoop(db, { size: 5, at: t0 });
	const { recruiter, loopId } = loop;
	const admin = await newUser(db, { role: 'admin' });
	const tia = await newUser(db, { name: 'Tia' });
	const rex = await newUser(db, { name: 'Rex' });
	for (const [i, who] of loop.panel.entries())
		await submitAs(db, who, loop.scorecards[i]!.id, {
			rating: ([3, 4, 2, 3, 4] as const)[i]!,
			now: t0 + (i + 2) * hour
		});
	const seat = (who: AuthUser, round: number, role: 'shadow' | 'reverse_shadow') =>
		addToPanel(
			db,
			recruiter,
			loopId,
			{ roundId: loop.rounds[round]!.id, interviewerIds: [who.id], scheduledAt: t0 + round * hour, role },
			t0 - day
		).then(([id]) => id!);
	const tiaCard = await seat(tia, 0, 'shadow');
	const rexCard = await seat(rex, 0, 'reverse_shadow');
	// Extreme practice ratings: were they counted, every figure would move.
	await submitAs(db, tia, tiaCard, { rating: 1, recommendation: 1, now: t0 + 4 * hour });
	await submitAs(db, rex, rexCard, { rating: 4, recommendation: 4, now: t0 + 40 * hour });
	await recordDecision(
		db,
		recruiter,
		loopId,
		{
			outcome: 'hire',
			rationale: 'Strong panel',
			dissent: '',
			attendeeIds: [recruiter.id],
			changeReason: ''
		},
		t0 + 2 * day
	);
	await setPathSetting(
		db,
		recruiter,
		{ format: 'coding', shadowCount: 2, reverseShadowCount: 1, exerciseRequired: true },
		t0
	);
	for (const who of [tia, rex])
		await setQualification(db, recruiter, { userId: who.id, format: 'coding', level: 'trainee' }, t0);

	const ids = [await competencyId(db, 'Coding'), await competencyId(db, 'Problem solving')];
	const exercise = (title: string, open: boolean) =>
		createExercise(
			db,
			recruiter,
			{
				title,
				format: 'coding',
				transcript: 'The candidate wrote a token bucket and tested the edges.',
				passDistance: 50,
				open,
				references: ids.map((competencyId, i) => ({ competencyId, rating: 3 + i, reason: `Agreed ${i}` }))
			},
			t0
		);
	const walkthrough = await exercise('Token bucket walkthrough', false);
	const retired = await exercise('Retired case', true);
	await assignExercise(db, recruiter, { userId: tia.id, exerciseId: walkthrough }, t0 + hour);
	await assignExercise(db, recruiter, { userId: rex.id, exerciseId: walkthrough }, t0 + hour);
	const rate = (ratings: number[]) =>
		ids.map((competencyId, i) => ({ competencyId, rating: ratings[i]!, evidence: `Seen ${i}` }));
	await submitAttempt(db, tia, walkthrough, rate([3, 4]), t0 + day);
	await submitAttempt(db, rex, walkthrough, rate([1, 2]), t0 + day + hour);
	await submitAttempt(db, tia, retired, rate([2, 4]), t0 + 2 * day);
	await archiveExercise(db, recruiter, retired, t0 + 3 * day);

	// Tia signs in through the company's provider once; Sol is provisioned by its SCIM.
	await resolveSsoAccount(db, provider, { sub: 'tia-7', email: tia.email, email_verified: true }, t0);
	const { id: tokenId } = await createScimToken(db, admin, 'Okta');
	const sol = await provisionUser(
		db,
		{ tokenId, tokenName: 'Okta' },
		scimUserSchema.parse({
			userName: 'sol.reyes@example.com',
			externalId: '00u1sol',
			name: { givenName: 'Sol', familyName: 'Reyes' },
			emails: [{ value: 'sol.reyes@example.com', primary: true, type: 'work' }],
			active: true
		}),
		t0
	);

	await setLapseMonths(db, recruiter, 9, t0);
	await setRetentionMonths(db, admin, 36, t0);
	await saveMonitoringSettings(
		db,
		admin,
		{ enabled: true, categories: [{ name: 'Gender', options: ['Woman', 'Man', 'Non-binary'] }] },
		t0
	);
	return { db, ...loop, admin, tia, rex, walkthrough, sol, tokenId };
}

type Organisation = Awaited<ReturnType<typeof developedOrganisation>>;

/** What the recruiter, the trainees and the admin see of it. */
async function viewOf(db: DB, o: Organisation) {
	return {
		results: await getLoopResults(db, o.recruiter, o.loopId, {}, now),
		calibration: await getCalibration(db, o.recruiter, { from: t0 - 30 * day, to: now }),
		practice: await listPracticeScorecards(db, o.recruiter, o.loopId),
		training: [
			await getUserTraining(db, o.recruiter, o.tia.id),
			await getUserTraining(db, o.recruiter, o.rex.id)
		],
		exercises: await listAllExercises(db, o.recruiter),
		attempts: await listExerciseAttempts(db, o.recruiter, o.walkthrough),
		tiaResults: await listOwnResults(db, o.tia),
		rexAssigned: await listAssignedExercises(db, o.rex),
		settings: [
			await readLapseMonths(db),
			await readRetentionMonths(db),
			await readMonitoringSettings(db),
			await getTwoFactorRequirement(db)
		]
	};
}

describe('interviewer development, in the export', () => {
	it('moves practice cards, exercises, organisation settings and identities, and comes back as the same file', async () => {
		const o = await developedOrganisation();
		const text = await exportOrganisation(o.db, now);
		const file = JSON.parse(text);
		const panel = file.loops[0].panel as { seatRole?: string }[];
		expect(panel.map((card) => card.seatRole ?? 'interviewer')).toEqual([
			...Array<string>(5).fill('interviewer'),
			'shadow',
			'reverse_shadow'
		]);
		expect(panel.slice(0, 5).some((card) => 'seatRole' in card)).toBe(false);
		expect(file.calibrationExercises.map((e: { title: string }) => e.title)).toEqual([
			'Token bucket walkthrough',
			'Retired case'
		]);
		expect(file.calibrationExercises[0].attempts.map((a: { passed: boolean }) => a.passed)).toEqual([
			true,
			false
		]);
		expect(file.signInIdentities).toEqual([
			{
				userId: String(o.tia.id),
				issuer: 'https://id.example.com',
				subject: 'tia-7',
				createdAt: '2026-10-05T09:00:00.000Z',
				lastSignInAt: '2026-10-05T09:00:00.000Z'
			}
		]);
		expect(file.provisionedUsers).toHaveLength(1);
		expect(file.organisationSettings.map((s: { name: string }) => s.name)).toEqual([
			'qualificationLapseMonths',
			'retentionMonths',
			'adverseImpactMonitoring'
		]);

		const target = freshDb();
		await importOrganisation(target, text);
		const moved = await viewOf(target, o);
		// The trainees' progress survived: Tia's shadow seat and Rex's reverse shadow, each 1 of the path's.
		expect(moved.training.map((t) => t[0]!.summary)).toEqual([
			'Shadow 1 of 2, Reverse shadow 0 of 1, Calibration exercise passed, sign-off pending',
			'Shadow 0 of 2, Reverse shadow 1 of 1, Calibration exercise to pass, sign-off pending'
		]);
		expect(moved.attempts.map((a) => a.distance)).toEqual([0, 2]);
		expect(moved.settings).toEqual([
			9,
			36,
			{ enabled: true, categories: [{ name: 'Gender', options: ['Woman', 'Man', 'Non-binary'] }] },
			'nobody'
		]);
		expect(moved).toEqual(await viewOf(o.db, o));
		expect(await exportOrganisation(target, now)).toBe(text);

		// Tia's email changed at the provider: her identity there still signs her in.
		const signIn = await resolveSsoAccount(target, provider, {
			sub: 'tia-7',
			email: 'tia.new@example.com',
			email_verified: true
		});
		expect(signIn.ok && signIn.user.id).toBe(o.tia.id);
		// The provider's SCIM reads Sol back as it sent them.
		const okta = { tokenId: o.tokenId, tokenName: 'Okta' };
		expect(await getProvisionedUser(target, okta, o.sol.id)).toEqual(
			await getProvisionedUser(o.db, okta, o.sol.id)
		);
		expect(await getProvisionedUser(target, okta, o.sol.id)).toMatchObject({
			externalId: '00u1sol',
			givenName: 'Sol',
			familyName: 'Reyes'
		});
	});

	it('counts practice cards in no figure after the move either', async () => {
		const o = await developedOrganisation();
		const file = JSON.parse(await exportOrganisation(o.db, now));
		const withoutPractice = structuredClone(file);
		withoutPractice.loops[0].panel = withoutPractice.loops[0].panel.filter((c: object) => !('seatRole' in c));
		const [withCards, withoutCards] = [freshDb(), freshDb()];
		await importOrganisation(withCards, JSON.stringify(file));
		await importOrganisation(withoutCards, JSON.stringify(withoutPractice));
		const figures = async (db: DB) => ({
			results: await getLoopResults(db, o.recruiter, o.loopId, {}, now),
			calibration: await getCalibration(db, o.recruiter, { from: t0 - 30 * day, to: now })
		});
		expect((await figures(withCards)).results.technicalMean).not.toBeNull();
		expect(await figures(withCards)).toEqual(await figures(withoutCards));
	});

	it('refuses an unknown seat role, a second attempt, a stranger, an unknown or repeated setting or identity', async () => {
		const o = await developedOrganisation();
		const file = JSON.parse(await exportOrganisation(o.db, now));
		file.loops[0].panel[5].seatRole = 'observer';
		const [first, second] = file.calibrationExercises[0].attempts;
		second.userId = first.userId;
		file.calibrationExercises[0].assignments[0].assignedBy = '424242';
		file.calibrationExercises[1].references[0].referenceRating = 5;
		file.organisationSettings[1].value = 3;
		file.organisationSettings.push({ name: 'theme', value: 'dark' });
		file.organisationSettings.push({ name: 'twoFactorRequired', value: 'everyone' });
		file.organisationSettings.push({ name: 'twoFactorRequired', value: 'admins' });
		file.signInIdentities.push({ ...file.signInIdentities[0], userId: String(o.rex.id) });
		file.provisionedUsers[0].userId = '999999';
		const target = freshDb();
		await prepareDatabase(target);

		const refusal = await importOrganisation(target, JSON.stringify(file, null, 2)).catch((e: unknown) => e);

		expect(refusal).toBeInstanceOf(ImportRefusedError);
		expect((refusal as ImportRefusedError).problems).toEqual([
			{ path: 'loops[0].panel[5].seatRole', message: 'shadow or reverse_shadow' },
			{ path: 'calibrationExercises[1].references[0].referenceRating', message: '1, 2, 3 or 4' },
			{
				path: 'calibrationExercises[0].attempts[1].userId',
				message: 'this person already took it (calibrationExercises[0].attempts[0].userId)'
			},
			{
				path: 'calibrationExercises[0].assignments[0].assignedBy',
				message: 'no user with id "424242" in this file'
			},
			{ path: 'organisationSettings[1].value', message: 'a whole number from 12 to 120' },
			{
				path: 'organisationSettings[3].name',
				message:
					'a setting named qualificationLapseMonths, retentionMonths, twoFactorRequired, singleSignOnRequired, adverseImpactMonitoring'
			},
			{
				path: 'organisationSettings[5].name',
				message: 'this setting is already given (organisationSettings[4].name)'
			},
			{
				path: 'signInIdentities[1].subject',
				message: "this identity at https://id.example.com is already someone's (signInIdentities[0].subject)"
			},
			{ path: 'provisionedUsers[0].userId', message: 'no user with id "999999" in this file' }
		]);
		expect(await target.selectFrom('user').select('id').execute()).toEqual([]);
		for (const table of ['calibrationExercise', 'calibrationExerciseAttempt', 'scorecard'] as const)
			expect(await target.selectFrom(table).selectAll().execute()).toEqual([]);
		expect(await getTwoFactorRequirement(target)).toBe('nobody');
	});
});
