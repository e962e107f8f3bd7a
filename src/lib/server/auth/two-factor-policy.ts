import type { DB } from '../platform/db';
import type { AuthUser } from './session';
import {
	isTwoFactorRequired,
	twoFactorRequirements,
	type TwoFactorRequirement
} from '../../domain/two-factor';
import { recordAudit } from '../platform/audit';
import { InputError } from '../platform/errors';
import { assertRole } from '../access/permissions';
import { hasTwoFactor, twoFactorEnabledAt } from './two-factor';
import { readSignedValue, signValue } from './signed-value';

// Who must use a second factor, and what happens between a right password and a session:
// straight in, a code first, or setting two-factor up first (decision 023).

export const twoFactorRequirementKey = 'two_factor_required';
const minute = 60_000;
/** How long a password, once checked, waits for its second factor. */
export const pendingSignInMs = 10 * minute;
/** How long "remember this device" spares the code. */
export const rememberedDeviceMs = 30 * 24 * 60 * minute;

export async function getTwoFactorRequirement(db: DB): Promise<TwoFactorRequirement> {
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', twoFactorRequirementKey)
		.executeTakeFirst();
	const value = row?.value as TwoFactorRequirement | undefined;
	return value && twoFactorRequirements.includes(value) ? value : 'nobody';
}

/**
 * An admin decides who must use two-factor sign-in; it applies from each person's next
 * sign-in. An admin it would cover must have it on already, so nobody locks themselves into
 * an enrolment they did not expect.
 */
export async function setTwoFactorRequirement(
	db: DB,
	actor: AuthUser,
	requirement: TwoFactorRequirement,
	now = Date.now()
): Promise<void> {
	assertRole(actor, 'admin');
	if (isTwoFactorRequired(requirement, actor.role) && !(await hasTwoFactor(db, actor.id))) {
		throw new InputError({
			requirement: 'Turn on two-factor sign-in for yourself first (in Settings), then require it'
		});
	}
	await db.transaction().execute(async (trx) => {
		const before = await getTwoFactorRequirement(trx);
		if (before === requirement) return;
		await trx
			.insertInto('meta')
			.values({ key: twoFactorRequirementKey, value: requirement })
			.onConflict((conflict) => conflict.column('key').doUpdateSet({ value: requirement }))
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'settings.two_factor_requirement_changed',
				entityType: 'settings',
				entityId: 'two_factor',
				before: { requirement: before },
				after: { requirement }
			},
			now
		);
	});
}

export async function isTwoFactorRequiredFor(db: DB, user: AuthUser): Promise<boolean> {
	return isTwoFactorRequired(await getTwoFactorRequirement(db), user.role);
}

export type SignInStep = 'session' | 'verify' | 'enrol';

/** After a right password: what the user must do before a session is theirs. */
export async function nextSignInStep(
	db: DB,
	user: AuthUser,
	rememberedDevice: string | undefined,
	now = Date.now()
): Promise<SignInStep> {
	const enabledAt = await twoFactorEnabledAt(db, user.id);
	if (enabledAt !== null) {
		return (await isRememberedDevice(db, user.id, enabledAt, rememberedDevice, now)) ? 'session' : 'verify';
	}
	return (await isTwoFactorRequiredFor(db, user)) ? 'enrol' : 'session';
}

export interface PendingSignIn {
	userId: number;
	step: 'verify' | 'enrol';
}

/** The browser's proof that its password was right, for the next few minutes only. */
export function signPendingSignIn(db: DB, pending: PendingSignIn, now = Date.now()): Promise<string> {
	return signValue(db, 'pending-sign-in', [pending.userId, pending.step, now + pendingSignInMs]);
}

export async function readPendingSignIn(
	db: DB,
	value: string | undefined,
	now = Date.now()
): Promise<PendingSignIn | null> {
	const fields = await readSignedValue(db, 'pending-sign-in', value);
	if (!fields || fields.length !== 3) return null;
	const [userId, step, expiresAt] = fields as [string, string, string];
	if (Number(expiresAt) <= now || (step !== 'verify' && step !== 'enrol')) return null;
	return { userId: Number(userId), step };
}

/**
 * Remembering a device: bound to the user and to when their second factor was turned on, so
 * a reset or a new enrolment forgets every device at once.
 */
export async function signRememberedDevice(db: DB, userId: number, now = Date.now()): Promise<string | null> {
	const enabledAt = await twoFactorEnabledAt(db, userId);
	if (enabledAt === null) return null;
	return signValue(db, 'remembered-device', [userId, enabledAt, now + rememberedDeviceMs]);
}

async function isRememberedDevice(
	db: DB,
	userId: number,
	enabledAt: number,
	value: string | undefined,
	now: number
): Promise<boolean> {
	const fields = await readSignedValue(db, 'remembered-device', value);
	if (!fields || fields.length !== 3) return false;
	const [forUser, forEnabledAt, expiresAt] = fields.map(Number) as [number, number, number];
	return forUser === userId && forEnabledAt === enabledAt && expiresAt > now;
}
