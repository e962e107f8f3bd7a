import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DB } from '../platform/db';

// Short values a browser keeps for us (a sign-in halfway through its second factor, a
// remembered device), signed with HMAC-SHA-256 so nobody can forge or alter one. The key is
// made on first use and kept in the database, so every instance on one database shares it
// and nothing needs configuring; whoever can read the database could forge these, but could
// equally read every session there.

const keyName = 'cookie_signing_key';
const keys = new WeakMap<DB, Promise<Buffer>>();

async function loadKey(db: DB): Promise<Buffer> {
	await db
		.insertInto('meta')
		.values({ key: keyName, value: randomBytes(32).toString('base64') })
		.onConflict((conflict) => conflict.column('key').doNothing())
		.execute();
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', keyName)
		.executeTakeFirstOrThrow();
	return Buffer.from(row.value, 'base64');
}

function signingKey(db: DB): Promise<Buffer> {
	let key = keys.get(db);
	if (!key) {
		key = loadKey(db);
		key.catch(() => keys.delete(db));
		keys.set(db, key);
	}
	return key;
}

const mac = (key: Buffer, purpose: string, payload: string) =>
	createHmac('sha256', key).update(`${purpose}\n${payload}`).digest('base64url');

/** `payload.signature`; the purpose is signed too, so a value made for one use fits no other. */
export async function signValue(
	db: DB,
	purpose: string,
	fields: readonly (string | number)[]
): Promise<string> {
	const payload = fields.join('.');
	return `${payload}.${mac(await signingKey(db), purpose, payload)}`;
}

/** The fields of a value signed for this purpose, or null when it is not one. */
export async function readSignedValue(
	db: DB,
	purpose: string,
	value: string | undefined
): Promise<string[] | null> {
	if (!value || value.length > 500) return null;
	const cut = value.lastIndexOf('.');
	if (cut < 0) return null;
	const payload = value.slice(0, cut);
	const expected = Buffer.from(mac(await signingKey(db), purpose, payload));
	const given = Buffer.from(value.slice(cut + 1));
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	return payload.split('.');
}
