import type { DB } from '../platform/db';
import type { Role } from '../../domain/roles';
import type { AuthUser } from '../auth/session';
import { hashPassword } from '../auth/password';
import { issueToken, parseToken, secretMatches } from '../auth/secret-token';
import { recordAudit } from '../platform/audit';
import { ConflictError, InputError, NotFoundError } from '../platform/errors';
import { assertRole } from '../access/permissions';
import { assertAcceptablePassword, insertUser } from './users';
import { roleLabels } from '../../domain/roles';
import { composeMail } from '../mail/compose';
import { mailSettings } from '../mail/mail-settings';
import { enqueueMail } from '../mail/mailer';

export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface PendingInvite {
	id: string;
	email: string;
	role: Role;
	createdAt: number;
	expiresAt: number;
	invitedByName: string;
}

/**
 * Creates a single-use invite link token; an earlier pending invite for the same email is
 * revoked. With mail on, the link is also mailed to them (`mailed`).
 */
export async function createInvite(
	db: DB,
	actor: AuthUser,
	input: { email: string; role: Role },
	now = Date.now()
): Promise<{ token: string; invite: PendingInvite; mailed: boolean }> {
	assertRole(actor, 'admin');
	const email = input.email.toLowerCase();
	const { id, secretHash, token } = issueToken();
	await db.transaction().execute(async (trx) => {
		const existing = await trx.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
		if (existing) throw new InputError({ email: 'A user with this email already exists' });
		await trx
			.updateTable('invite')
			.set({ revokedAt: now })
			.where('email', '=', email)
			.where('acceptedAt', 'is', null)
			.where('revokedAt', 'is', null)
			.execute();
		await trx
			.insertInto('invite')
			.values({
				id,
				secretHash,
				email,
				role: input.role,
				invitedBy: actor.id,
				createdAt: now,
				expiresAt: now + inviteLifetimeMs
			})
			.execute();
		const settings = mailSettings();
		if (settings) {
			await enqueueMail(
				trx,
				`invite:${id}`,
				composeMail({
					to: email,
					subject: `${actor.name} invites you to Panelist`,
					paragraphs: [
						`${actor.name} invites you to join your team on Panelist as ${roleLabels[input.role]}.`,
						'Choose your name and a password to finish. The link works once and expires in 7 days.'
					],
					link: { href: `${settings.origin}/invite/${token}`, label: 'Join Panelist' }
				}),
				now
			);
		}
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'invite.created',
				entityType: 'invite',
				entityId: id,
				after: { email, role: input.role }
			},
			now
		);
	});
	return {
		token,
		mailed: mailSettings() !== null,
		invite: {
			id,
			email,
			role: input.role,
			createdAt: now,
			expiresAt: now + inviteLifetimeMs,
			invitedByName: actor.name
		}
	};
}

export async function listPendingInvites(
	db: DB,
	actor: AuthUser,
	now = Date.now()
): Promise<PendingInvite[]> {
	assertRole(actor, 'admin');
	return db
		.selectFrom('invite')
		.innerJoin('user', 'user.id', 'invite.invitedBy')
		.select([
			'invite.id',
			'invite.email',
			'invite.role',
			'invite.createdAt',
			'invite.expiresAt',
			'user.name as invitedByName'
		])
		.where('invite.acceptedAt', 'is', null)
		.where('invite.revokedAt', 'is', null)
		.where('invite.expiresAt', '>', now)
		.orderBy('invite.createdAt', 'desc')
		.execute();
}

export async function revokeInvite(
	db: DB,
	actor: AuthUser,
	inviteId: string,
	now = Date.now()
): Promise<void> {
	assertRole(actor, 'admin');
	await db.transaction().execute(async (trx) => {
		const result = await trx
			.updateTable('invite')
			.set({ revokedAt: now })
			.where('id', '=', inviteId)
			.where('acceptedAt', 'is', null)
			.where('revokedAt', 'is', null)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('No pending invite to revoke');
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'invite.revoked', entityType: 'invite', entityId: inviteId },
			now
		);
	});
}

export type InviteLookup =
	| { status: 'valid'; invite: { id: string; email: string; role: Role; expiresAt: number } }
	| { status: 'expired'; expiresAt: number }
	| { status: 'used' }
	| { status: 'invalid' };

export async function lookUpInvite(db: DB, token: string, now = Date.now()): Promise<InviteLookup> {
	const parsed = parseToken(token);
	if (!parsed) return { status: 'invalid' };
	const row = await db.selectFrom('invite').selectAll().where('id', '=', parsed.id).executeTakeFirst();
	if (!row || !secretMatches(parsed.secret, row.secretHash) || row.revokedAt !== null)
		return { status: 'invalid' };
	if (row.acceptedAt !== null) return { status: 'used' };
	if (row.expiresAt <= now) return { status: 'expired', expiresAt: row.expiresAt };
	return {
		status: 'valid',
		invite: { id: row.id, email: row.email, role: row.role, expiresAt: row.expiresAt }
	};
}

export function describeUnusableInvite(lookup: Exclude<InviteLookup, { status: 'valid' }>): string {
	switch (lookup.status) {
		case 'expired':
			return 'This invite link has expired (links last 7 days). Ask your admin for a new one.';
		case 'used':
			return 'This invite link has already been used. Sign in with the account it created.';
		default:
			return 'This invite link is not valid. It may have been revoked or mistyped. Ask your admin for a new one.';
	}
}

/** Turns a valid invite into an account, once: a second use, even a concurrent one, fails. */
export async function acceptInvite(
	db: DB,
	token: string,
	input: { name: string; password: string },
	now = Date.now()
): Promise<AuthUser> {
	const lookup = await lookUpInvite(db, token, now);
	if (lookup.status !== 'valid') throw new ConflictError(describeUnusableInvite(lookup));
	assertAcceptablePassword(input.password);
	const passwordHash = await hashPassword(input.password);
	const { invite } = lookup;
	return db.transaction().execute(async (trx) => {
		const claimed = await trx
			.updateTable('invite')
			.set({ acceptedAt: now })
			.where('id', '=', invite.id)
			.where('acceptedAt', 'is', null)
			.where('revokedAt', 'is', null)
			.where('expiresAt', '>', now)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) {
			throw new ConflictError('This invite link has already been used or revoked.');
		}
		const user = await insertUser(
			trx,
			{ email: invite.email, name: input.name, role: invite.role, passwordHash },
			null,
			now
		);
		await trx.updateTable('invite').set({ acceptedUserId: user.id }).where('id', '=', invite.id).execute();
		await recordAudit(
			trx,
			{ actorUserId: user.id, action: 'invite.accepted', entityType: 'invite', entityId: invite.id },
			now
		);
		return user;
	});
}
