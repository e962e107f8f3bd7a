import type { DB } from '../platform/db';
import type { AuthUser } from './session';
import type { Role } from '../../domain/roles';
import { recordAudit } from '../platform/audit';
import { assertRole } from '../access/permissions';
import { InputError } from '../platform/errors';
import { isBreakGlassEmail, type SsoRequirement, type SsoSettings } from '../../domain/single-sign-on';

// Whether passwords still sign in (decision 029): admins may require single sign-on, or the
// environment does (OIDC_REQUIRED); either way the break-glass admin named in
// OIDC_BREAK_GLASS_EMAIL keeps their password for the day the provider is down.

export const ssoRequirementKey = 'sso_required';

/** The admins' stored choice (the environment can require it on top). */
export async function getSsoRequirement(db: DB): Promise<SsoRequirement> {
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', ssoRequirementKey)
		.executeTakeFirst();
	return row?.value === 'required' ? 'required' : 'optional';
}

/** Whether passwords are refused now: only ever with a provider configured to sign in through. */
export async function isSsoRequired(db: DB, settings: SsoSettings | null): Promise<boolean> {
	if (!settings) return false;
	return settings.requiredByEnvironment || (await getSsoRequirement(db)) === 'required';
}

export const passwordsOffMessage = (provider: string) =>
	`Passwords are turned off here: sign in with ${provider}.`;

/**
 * Whether a password sign-in for this email may go ahead. Asked before the password is
 * checked, the answer is the same for every email but one, so it tells nobody whether an
 * account exists; asked again with the account's role once it is, the break-glass account
 * must be an admin's.
 */
export async function mayUsePassword(
	db: DB,
	settings: SsoSettings | null,
	email: string,
	role?: Role
): Promise<boolean> {
	if (!(await isSsoRequired(db, settings))) return true;
	return isBreakGlassEmail(settings!, email) && (role === undefined || role === 'admin');
}

/** An admin turns the requirement on or off; without a provider there is nothing to require. */
export async function setSsoRequirement(
	db: DB,
	actor: AuthUser,
	settings: SsoSettings | null,
	requirement: SsoRequirement,
	now = Date.now()
): Promise<void> {
	assertRole(actor, 'admin');
	if (!settings && requirement === 'required')
		throw new InputError({ requirement: 'Set up single sign-on (OIDC_ISSUER) before requiring it' });
	await db.transaction().execute(async (trx) => {
		const before = await getSsoRequirement(trx);
		if (before === requirement) return;
		await trx
			.insertInto('meta')
			.values({ key: ssoRequirementKey, value: requirement })
			.onConflict((conflict) => conflict.column('key').doUpdateSet({ value: requirement }))
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'settings.sso_requirement_changed',
				entityType: 'settings',
				entityId: 'sso',
				before: { requirement: before },
				after: { requirement }
			},
			now
		);
	});
}
