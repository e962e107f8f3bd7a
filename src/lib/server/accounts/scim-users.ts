import type { DB } from '../platform/db';
import { noPasswordHash } from '../auth/password';
import { recordAudit } from '../platform/audit';
import { ScimError, type ScimFilter, type ScimUserChanges, type ScimUserInput } from '../../domain/scim';
import {
	applyScimChanges,
	readScimAccount,
	type ScimAccount,
	type ScimAccountRecord
} from '../../domain/scim-resources';
import type { ScimActor } from './scim-tokens';
import { deactivateAccount, reactivateAccount, type AccountChangeActor } from './users';

// Users as an identity provider manages them through /scim/v2 (decision 028). The SCIM token
// is the actor: holding a valid one is the permission, and each audit entry names it. New
// users are interviewers with no password: they sign in by SSO, or set a password with
// "Forgot password". Every user is visible to SCIM, so a provider can link people who had
// accounts before provisioning began.

const notFound = () => new ScimError(404, 'No such user');

const byToken = (actor: ScimActor): AccountChangeActor => ({
	actorUserId: null,
	via: { scimToken: { id: actor.tokenId, name: actor.tokenName } }
});

function selectRecords(db: DB) {
	return db
		.selectFrom('user')
		.leftJoin('scimUser', 'scimUser.userId', 'user.id')
		.select([
			'user.id',
			'user.email',
			'user.name',
			'user.deactivatedAt',
			'user.createdAt',
			'user.updatedAt',
			'scimUser.externalId',
			'scimUser.givenName',
			'scimUser.familyName'
		]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirstOrThrow']>>;

function toRecord(row: Row): ScimAccountRecord {
	const { deactivatedAt, ...rest } = row;
	return {
		...rest,
		externalId: rest.externalId ?? null,
		givenName: rest.givenName ?? null,
		familyName: rest.familyName ?? null,
		active: deactivatedAt === null
	};
}

async function findRecord(db: DB, id: number): Promise<ScimAccountRecord | undefined> {
	const row = await selectRecords(db).where('user.id', '=', id).executeTakeFirst();
	return row && toRecord(row);
}

async function assertEmailFree(db: DB, email: string, exceptId?: number): Promise<void> {
	let query = db.selectFrom('user').select('id').where('email', '=', email);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	if (await query.executeTakeFirst()) {
		throw new ScimError(409, `A user with userName ${email} already exists`, 'uniqueness');
	}
}

async function saveScimAttributes(db: DB, userId: number, account: ScimAccount): Promise<void> {
	const values = {
		externalId: account.externalId,
		givenName: account.givenName,
		familyName: account.familyName
	};
	await db
		.insertInto('scimUser')
		.values({ userId, ...values })
		.onConflict((oc) => oc.column('userId').doUpdateSet(values))
		.execute();
}

/** POST /Users: a new interviewer without a password. */
export async function provisionUser(
	db: DB,
	actor: ScimActor,
	input: ScimUserInput,
	now = Date.now()
): Promise<ScimAccountRecord> {
	const account = readScimAccount(input);
	return db.transaction().execute(async (trx) => {
		await assertEmailFree(trx, account.email);
		const { id } = await trx
			.insertInto('user')
			.values({
				email: account.email,
				name: account.name,
				role: 'interviewer',
				passwordHash: noPasswordHash,
				deactivatedAt: account.active ? null : now,
				createdAt: now,
				updatedAt: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await saveScimAttributes(trx, id, account);
		const by = byToken(actor);
		await recordAudit(
			trx,
			{
				actorUserId: null,
				action: 'user.provisioned',
				entityType: 'user',
				entityId: id,
				after: {
					email: account.email,
					name: account.name,
					role: 'interviewer',
					active: account.active,
					...by.via
				}
			},
			now
		);
		return (await findRecord(trx, id))!;
	});
}

/** GET /Users/{id}. */
export async function getProvisionedUser(db: DB, _actor: ScimActor, id: number): Promise<ScimAccountRecord> {
	const record = await findRecord(db, id);
	if (!record) throw notFound();
	return record;
}

/** GET /Users: a page, optionally of the users one filter matches; in id order. */
export async function listProvisionedUsers(
	db: DB,
	_actor: ScimActor,
	options: { filter: ScimFilter | null; startIndex: number; count: number }
): Promise<{ records: ScimAccountRecord[]; totalResults: number }> {
	let query = selectRecords(db);
	if (options.filter?.attribute === 'userName') {
		query = query.where('user.email', '=', options.filter.value.trim().toLowerCase());
	} else if (options.filter?.attribute === 'externalId') {
		query = query.where('scimUser.externalId', '=', options.filter.value);
	}
	const total = await query
		.clearSelect()
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const rows =
		options.count === 0
			? []
			: await query
					.orderBy('user.id')
					.limit(options.count)
					.offset(options.startIndex - 1)
					.execute();
	return { records: rows.map(toRecord), totalResults: Number(total.n) };
}

/** Writes an account's new state: attributes, then (de)activation with its consequences. */
async function writeAccount(
	trx: DB,
	actor: ScimActor,
	current: ScimAccountRecord,
	next: ScimAccount,
	now: number
): Promise<void> {
	await assertEmailFree(trx, next.email, current.id);
	const changed = (['email', 'name', 'externalId', 'givenName', 'familyName'] as const).filter(
		(key) => current[key] !== next[key]
	);
	if (changed.length) {
		await trx
			.updateTable('user')
			.set({ email: next.email, name: next.name, updatedAt: now })
			.where('id', '=', current.id)
			.execute();
		await saveScimAttributes(trx, current.id, next);
		await recordAudit(
			trx,
			{
				actorUserId: null,
				action: 'user.updated',
				entityType: 'user',
				entityId: current.id,
				before: Object.fromEntries(changed.map((key) => [key, current[key]])),
				after: { ...Object.fromEntries(changed.map((key) => [key, next[key]])), ...byToken(actor).via }
			},
			now
		);
	}
	if (current.active && !next.active) await deactivateAccount(trx, current.id, byToken(actor), now);
	if (!current.active && next.active) await reactivateAccount(trx, current.id, byToken(actor), now);
}

async function changeAccount(
	db: DB,
	actor: ScimActor,
	id: number,
	change: (current: ScimAccountRecord) => ScimAccount,
	now: number
): Promise<ScimAccountRecord> {
	return db.transaction().execute(async (trx) => {
		const current = await findRecord(trx, id);
		if (!current) throw notFound();
		await writeAccount(trx, actor, current, change(current), now);
		return (await findRecord(trx, id))!;
	});
}

/** PUT /Users/{id}: the provider's whole picture of the user. */
export function replaceProvisionedUser(
	db: DB,
	actor: ScimActor,
	id: number,
	input: ScimUserInput,
	now = Date.now()
): Promise<ScimAccountRecord> {
	const next = readScimAccount(input);
	// A PUT that leaves `active` out does not mean to reactivate anyone.
	return changeAccount(
		db,
		actor,
		id,
		(current) => ({ ...next, active: input.active ?? current.active }),
		now
	);
}

/** PATCH /Users/{id}, including `active: false` (deactivate) and `active: true` (reactivate). */
export function patchProvisionedUser(
	db: DB,
	actor: ScimActor,
	id: number,
	changes: ScimUserChanges,
	now = Date.now()
): Promise<ScimAccountRecord> {
	return changeAccount(db, actor, id, (current) => applyScimChanges(current, changes), now);
}

/** DELETE /Users/{id}: deactivation, never deletion; the user's history stays. */
export async function deprovisionUser(db: DB, actor: ScimActor, id: number, now = Date.now()): Promise<void> {
	await changeAccount(db, actor, id, (current) => ({ ...current, active: false }), now);
}
