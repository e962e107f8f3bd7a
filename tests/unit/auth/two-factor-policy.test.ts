import { describe, expect, it } from 'vitest';
import {
	getTwoFactorRequirement,
	nextSignInStep,
	readPendingSignIn,
	rememberedDeviceMs,
	setTwoFactorRequirement,
	signPendingSignIn,
	signRememberedDevice
} from '../../../src/lib/server/auth/two-factor-policy';
import {
	confirmEnrolment,
	createTwoFactorLimiter,
	prepareEnrolment,
	resetTwoFactor
} from '../../../src/lib/server/auth/two-factor';
import { readSignedValue, signValue } from '../../../src/lib/server/auth/signed-value';
import { timeStep, totpCodeAt } from '../../../src/lib/server/auth/totp';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { InputError } from '../../../src/lib/server/platform/errors';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 30, 9);

async function enrol(db: DB, user: AuthUser, at = t0) {
	await prepareEnrolment(db, user, at);
	const { key } = await db
		.selectFrom('userTotp')
		.select('key')
		.where('userId', '=', user.id)
		.executeTakeFirstOrThrow();
	await confirmEnrolment(db, createTwoFactorLimiter(db), user, totpCodeAt(key, timeStep(at)), at);
}

describe('requiring two-factor sign-in', () => {
	it('covers admins or everyone; an admin must have it before requiring it of admins; audited', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const interviewer = await newUser(db);
		expect(await getTwoFactorRequirement(db)).toBe('nobody');
		await expect(setTwoFactorRequirement(db, admin, 'admins', t0)).rejects.toThrow(InputError);
		expect(await getTwoFactorRequirement(db)).toBe('nobody');

		await enrol(db, admin);
		await setTwoFactorRequirement(db, admin, 'admins', t0);
		expect(await nextSignInStep(db, interviewer, undefined, t0)).toBe('session');
		expect(await nextSignInStep(db, admin, undefined, t0)).toBe('verify');

		await setTwoFactorRequirement(db, admin, 'everyone', t0);
		expect(await nextSignInStep(db, interviewer, undefined, t0)).toBe('enrol');
		const changes = await listAuditEvents(db, 'settings', 'two_factor');
		expect(changes.map((e) => JSON.parse(e.after!))).toEqual([
			{ requirement: 'admins' },
			{ requirement: 'everyone' }
		]);
	});
});

describe('remembered devices', () => {
	it('spare the code for 30 days, for their own user, until two-factor is reset', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const user = await newUser(db);
		const other = await newUser(db);
		await enrol(db, user);
		await enrol(db, other);
		const device = await signRememberedDevice(db, user.id, t0);
		expect(await nextSignInStep(db, user, device!, t0 + 1000)).toBe('session');
		expect(await nextSignInStep(db, other, device!, t0 + 1000)).toBe('verify');
		expect(await nextSignInStep(db, user, device!, t0 + rememberedDeviceMs)).toBe('verify');
		expect(
			await nextSignInStep(
				db,
				user,
				device!.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')),
				t0
			)
		).toBe('verify');

		await resetTwoFactor(db, admin, user.id, t0);
		await enrol(db, user, t0 + 60_000);
		expect(await nextSignInStep(db, user, device!, t0 + 120_000)).toBe('verify');
	});
});

describe('signed values', () => {
	it('are refused when altered, made for another purpose, or (pending sign-ins) expired', async () => {
		const db = freshDb();
		const value = await signValue(db, 'one', [7, 'verify']);
		expect(await readSignedValue(db, 'one', value)).toEqual(['7', 'verify']);
		expect(await readSignedValue(db, 'two', value)).toBeNull();
		expect(await readSignedValue(db, 'one', value.replace('7', '8'))).toBeNull();
		expect(await readSignedValue(db, 'one', 'no-signature')).toBeNull();

		const pending = await signPendingSignIn(db, { userId: 7, step: 'enrol' }, t0);
		expect(await readPendingSignIn(db, pending, t0 + 60_000)).toEqual({ userId: 7, step: 'enrol' });
		expect(await readPendingSignIn(db, pending, t0 + 10 * 60_000)).toBeNull();
	});
});
