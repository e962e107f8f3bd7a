import type { DB } from '../platform/db';
import { insertRows } from '../platform/insert-rows';
import type { Checks } from './checks';
import { dbId as n, epochMs as ms, fileId as id, isoTime } from './convert';
import type { ExportFile } from './format';
import type { ExportProvisionedUser, ExportSignInIdentity } from './format-identities';

// People's identities at the company's provider across an export and import
// (format-identities.ts): a few per person at most, read whole.

export async function readSignInIdentities(db: DB): Promise<ExportSignInIdentity[]> {
	const rows = await db
		.selectFrom('userIdentity')
		.selectAll()
		.orderBy('userId')
		.orderBy('issuer')
		.orderBy('subject')
		.execute();
	return rows.map((r) => ({
		userId: id(r.userId),
		issuer: r.issuer,
		subject: r.subject,
		createdAt: isoTime(r.createdAt),
		lastSignInAt: isoTime(r.lastSignInAt)
	}));
}

export async function readProvisionedUsers(db: DB): Promise<ExportProvisionedUser[]> {
	const rows = await db.selectFrom('scimUser').selectAll().orderBy('userId').execute();
	return rows.map((r) => ({
		userId: id(r.userId),
		externalId: r.externalId,
		givenName: r.givenName,
		familyName: r.familyName
	}));
}

/** Users of the file; one person per identity at a provider, one provisioning record per person. */
export function checkIdentities(c: Checks): void {
	const { file, known } = c.parsed;
	const identities = c.unique('sign-in identity');
	for (const identity of file.signInIdentities ?? []) {
		const at = ['signInIdentities', c.at(identity)];
		c.ref([...at, 'userId'], identity.userId, known.users, 'user');
		identities(
			[...at, 'subject'],
			JSON.stringify([identity.issuer, identity.subject]),
			(first) => `this identity at ${identity.issuer} is already someone's (${first})`
		);
	}
	const provisioned = c.unique('provisioned user');
	for (const user of file.provisionedUsers ?? []) {
		const at = ['provisionedUsers', c.at(user)];
		c.ref([...at, 'userId'], user.userId, known.users, 'user');
		provisioned([...at, 'userId'], user.userId, (first) => `this person is already listed (${first})`);
	}
}

export async function writeIdentities(db: DB, file: ExportFile): Promise<void> {
	await insertRows(
		db,
		'userIdentity',
		(file.signInIdentities ?? []).map((r) => ({
			userId: n(r.userId),
			issuer: r.issuer,
			subject: r.subject,
			createdAt: ms(r.createdAt),
			lastSignInAt: ms(r.lastSignInAt)
		}))
	);
	await insertRows(
		db,
		'scimUser',
		(file.provisionedUsers ?? []).map((r) => ({
			userId: n(r.userId),
			externalId: r.externalId,
			givenName: r.givenName,
			familyName: r.familyName
		}))
	);
}
