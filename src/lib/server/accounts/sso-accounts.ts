import { randomBytes } from 'node:crypto';
import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../platform/audit';
import { InputError } from '../platform/errors';
import { findUserByEmail, insertUser } from './users';
import { isAllowedDomain, roleForGroups, type SsoSettings } from '../../domain/single-sign-on';

// Who a person signed in at the OpenID provider is in Panelist (decision 029): the account
// linked to their identity there, else the account with their verified email (then linked),
// else, for an allowed domain, a new account made now.

/** The ID token's claims this needs; everything else the provider says is ignored. */
export interface SsoClaims {
	sub: string;
	email?: unknown;
	email_verified?: unknown;
	name?: unknown;
	[claim: string]: unknown;
}

export type SsoRefusal = 'unverified-email' | 'no-account';

export type SsoAccountResult = { ok: true; user: AuthUser } | { ok: false; reason: SsoRefusal };

async function findLinkedUser(db: DB, issuer: string, subject: string) {
	return db
		.selectFrom('userIdentity')
		.innerJoin('user', 'user.id', 'userIdentity.userId')
		.selectAll('user')
		.where('userIdentity.issuer', '=', issuer)
		.where('userIdentity.subject', '=', subject)
		.executeTakeFirst();
}

async function linkIdentity(db: DB, issuer: string, subject: string, userId: number, now: number) {
	await db
		.insertInto('userIdentity')
		.values({ issuer, subject, userId, createdAt: now, lastSignInAt: now })
		.onConflict((conflict) => conflict.columns(['issuer', 'subject']).doUpdateSet({ lastSignInAt: now }))
		.execute();
}

async function recordSignIn(db: DB, userId: number, issuer: string, matchedBy: string, now: number) {
	await recordAudit(
		db,
		{
			actorUserId: userId,
			action: 'user.signed_in_with_sso',
			entityType: 'user',
			entityId: userId,
			after: { issuer, matchedBy }
		},
		now
	);
}

function nameFrom(claims: SsoClaims, email: string): string {
	const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 200) : '';
	return name || email.slice(0, email.lastIndexOf('@'));
}

/** The account this provider's ID token stands for, or why there is none to sign in to. */
export async function resolveSsoAccount(
	db: DB,
	settings: SsoSettings,
	claims: SsoClaims,
	now = Date.now()
): Promise<SsoAccountResult> {
	// An unverified email could be anybody's: matching on it would hand over that account.
	if (typeof claims.email !== 'string' || !claims.email.includes('@') || claims.email_verified !== true)
		return { ok: false, reason: 'unverified-email' };
	const email = claims.email.toLowerCase();
	const linked = await findLinkedUser(db, settings.issuer, claims.sub);
	const existing = linked ?? (await findUserByEmail(db, email));
	if (existing) {
		if (existing.deactivatedAt !== null) {
			await recordAudit(
				db,
				{
					actorUserId: null,
					action: 'user.sso_sign_in_refused',
					entityType: 'user',
					entityId: existing.id,
					after: { issuer: settings.issuer, reason: 'deactivated' }
				},
				now
			);
			return { ok: false, reason: 'no-account' };
		}
		await db.transaction().execute(async (trx) => {
			await linkIdentity(trx, settings.issuer, claims.sub, existing.id, now);
			await recordSignIn(trx, existing.id, settings.issuer, linked ? 'identity' : 'email', now);
		});
		return {
			ok: true,
			user: { id: existing.id, email: existing.email, name: existing.name, role: existing.role }
		};
	}
	if (!isAllowedDomain(settings, email)) return { ok: false, reason: 'no-account' };
	// A password nobody knows: the account signs in through the provider (or, if the person
	// ever needs one, sets a password through "Forgot your password?").
	const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
	const role = roleForGroups(settings, claims[settings.groupsClaim]);
	try {
		const user = await db.transaction().execute(async (trx) => {
			const created = await insertUser(
				trx,
				{ email, name: nameFrom(claims, email), role, passwordHash },
				null,
				now
			);
			await linkIdentity(trx, settings.issuer, claims.sub, created.id, now);
			await recordSignIn(trx, created.id, settings.issuer, 'created', now);
			return created;
		});
		return { ok: true, user };
	} catch (error) {
		// Two first sign-ins at once: the other made the account, which this one now finds.
		if (error instanceof InputError) return resolveSsoAccount(db, settings, claims, now);
		throw error;
	}
}
