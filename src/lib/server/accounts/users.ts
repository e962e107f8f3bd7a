import type { DB } from '../platform/db';
import type { Role } from '../../domain/roles';
import type { AuthUser } from '../auth/session';
import { invalidateUserSessions } from '../auth/session';
import { commonPasswordMessage, hashPassword, isCommonPassword } from '../auth/password';
import { revokeUserApiTokens } from '../auth/api-tokens';
import { recordAudit } from '../platform/audit';
import { ConflictError, InputError, NotFoundError } from '../platform/errors';
import { assertRole } from '../access/permissions';

export interface NewAccount {
	email: string;
	name: string;
	password: string;
	role: Role;
}

export interface UserSummary {
	id: number;
	email: string;
	name: string;
	role: Role;
	deactivatedAt: number | null;
	createdAt: number;
}

/** Rules a schema cannot know: common passwords. Throws InputError on `field`. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
	if (isCommonPassword(password)) throw new InputError({ [field]: commonPasswordMessage });
}

export async function hasAnyUser(db: DB): Promise<boolean> {
	const row = await db.selectFrom('user').select('id').limit(1).executeTakeFirst();
	return row !== undefined;
}

export async function findUserByEmail(db: DB, email: string) {
	return db.selectFrom('user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function getUser(db: DB, id: number): Promise<UserSummary | undefined> {
	return db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role', 'deactivatedAt', 'createdAt'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/**
 * Inserts a user; the email must be free. Hash the password before calling so no
 * transaction waits on argon2.
 */
export async function insertUser(
	db: DB,
	account: Omit<NewAccount, 'password'> & { passwordHash: string },
	actorUserId: number | null,
	now = Date.now()
): Promise<AuthUser> {
	const email = account.email.toLowerCase();
	const taken = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
	if (taken) throw new InputError({ email: 'A user with this email already exists' });
	const { id } = await db
		.insertInto('user')
		.values({
			email,
			name: account.name,
			role: account.role,
			passwordHash: account.passwordHash,
			deactivatedAt: null,
			createdAt: now,
			updatedAt: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const user = { id, email, name: account.name, role: account.role };
	await recordAudit(
		db,
		{
			actorUserId,
			action: 'user.created',
			entityType: 'user',
			entityId: id,
			after: { email, name: user.name, role: user.role }
		},
		now
	);
	return user;
}

/** Creates a user directly (CLI, demo seed). */
export async function createUser(
	db: DB,
	account: NewAccount,
	actorUserId: number | null = null,
	now = Date.now()
): Promise<AuthUser> {
	assertAcceptablePassword(account.password);
	const passwordHash = await hashPassword(account.password);
	return db.transaction().execute((trx) => insertUser(trx, { ...account, passwordHash }, actorUserId, now));
}

/** An admin adds someone with a password they will pass on (the API's way; pages invite). */
export async function createUserAsAdmin(
	db: DB,
	actor: AuthUser,
	account: NewAccount,
	now = Date.now()
): Promise<AuthUser> {
	assertRole(actor, 'admin');
	return createUser(db, account, actor.id, now);
}

const alreadySetUpMessage = 'Panelist is already set up. Sign in instead.';

/** First-run setup: only while the database has no users at all. */
export async function createFirstAdmin(
	db: DB,
	account: Omit<NewAccount, 'role'>,
	now = Date.now()
): Promise<AuthUser> {
	// Refused before hashing: once set up, this open door must not cost an argon2 run a request.
	if (await hasAnyUser(db)) throw new ConflictError(alreadySetUpMessage);
	assertAcceptablePassword(account.password);
	const passwordHash = await hashPassword(account.password);
	return db.transaction().execute(async (trx) => {
		// Checked again: another first admin may have been created while this one was hashed.
		if (await hasAnyUser(trx)) throw new ConflictError(alreadySetUpMessage);
		return insertUser(trx, { ...account, role: 'admin', passwordHash }, null, now);
	});
}

export async function listUsers(db: DB, actor: AuthUser): Promise<UserSummary[]> {
	assertRole(actor, 'admin');
	return db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role', 'deactivatedAt', 'createdAt'])
		.orderBy('deactivatedAt', (ob) => ob.nullsFirst())
		.orderBy('name')
		.execute();
}

async function countActiveAdminsOtherThan(db: DB, userId: number): Promise<number> {
	const row = await db
		.selectFrom('user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', 'admin')
		.where('deactivatedAt', 'is', null)
		.where('id', '!=', userId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

const lastAdminMessage = 'Panelist needs at least one active admin. Make someone else an admin first.';

export async function changeUserRole(
	db: DB,
	actor: AuthUser,
	userId: number,
	role: Role,
	now = Date.now()
): Promise<void> {
	assertRole(actor, 'admin');
	await db.transaction().execute(async (trx) => {
		const user = await getUser(trx, userId);
		if (!user) throw new NotFoundError('No such user');
		if (user.role === role) return;
		if (
			user.role === 'admin' &&
			!user.deactivatedAt &&
			(await countActiveAdminsOtherThan(trx, userId)) === 0
		) {
			throw new InputError({ role: lastAdminMessage });
		}
		await trx.updateTable('user').set({ role, updatedAt: now }).where('id', '=', userId).execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'user.role_changed',
				entityType: 'user',
				entityId: userId,
				before: { role: user.role },
				after: { role }
			},
			now
		);
	});
}

/**
 * Deactivation ends the user's sessions and revokes their API tokens at once, for good:
 * reactivation brings back neither. Their history stays.
 */
export async function deactivateUser(
	db: DB,
	actor: AuthUser,
	userId: number,
	now = Date.now()
): Promise<void> {
	assertRole(actor, 'admin');
	if (userId === actor.id) throw new InputError({ form: 'You cannot deactivate your own account' });
	await db.transaction().execute((trx) => deactivateAccount(trx, userId, { actorUserId: actor.id }, now));
}

/**
 * Who changes an account's state, for its audit entry: a person, or nobody (actorUserId
 * null) with `via` saying what acted instead, such as a SCIM token.
 */
export interface AccountChangeActor {
	actorUserId: number | null;
	via?: Record<string, unknown>;
}

/**
 * Deactivates inside the caller's transaction: the rules and the ending of sessions and API
 * tokens, whoever asks (an admin's page, a SCIM token). Permissions are the caller's to check.
 */
export async function deactivateAccount(
	trx: DB,
	userId: number,
	by: AccountChangeActor,
	now = Date.now()
): Promise<void> {
	const user = await getUser(trx, userId);
	if (!user) throw new NotFoundError('No such user');
	if (user.deactivatedAt) return;
	if (user.role === 'admin' && (await countActiveAdminsOtherThan(trx, userId)) === 0) {
		throw new InputError({ form: lastAdminMessage });
	}
	await trx
		.updateTable('user')
		.set({ deactivatedAt: now, updatedAt: now })
		.where('id', '=', userId)
		.execute();
	await invalidateUserSessions(trx, userId);
	const apiTokensRevoked = await revokeUserApiTokens(trx, userId, now);
	await recordAudit(
		trx,
		{
			actorUserId: by.actorUserId,
			action: 'user.deactivated',
			entityType: 'user',
			entityId: userId,
			after: { apiTokensRevoked, ...by.via }
		},
		now
	);
}

export async function reactivateUser(
	db: DB,
	actor: AuthUser,
	userId: number,
	now = Date.now()
): Promise<void> {
	assertRole(actor, 'admin');
	await db.transaction().execute((trx) => reactivateAccount(trx, userId, { actorUserId: actor.id }, now));
}

/** Reactivates inside the caller's transaction; no session or token comes back. */
export async function reactivateAccount(
	trx: DB,
	userId: number,
	by: AccountChangeActor,
	now = Date.now()
): Promise<void> {
	const user = await getUser(trx, userId);
	if (!user) throw new NotFoundError('No such user');
	if (!user.deactivatedAt) return;
	await trx
		.updateTable('user')
		.set({ deactivatedAt: null, updatedAt: now })
		.where('id', '=', userId)
		.execute();
	await recordAudit(
		trx,
		{
			actorUserId: by.actorUserId,
			action: 'user.reactivated',
			entityType: 'user',
			entityId: userId,
			...(by.via ? { after: by.via } : {})
		},
		now
	);
}
