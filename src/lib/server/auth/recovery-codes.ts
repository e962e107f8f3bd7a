import type { DB } from '../platform/db';
import { hashSecret } from './secret-token';

// Recovery codes: ten per enrolment, each good once, for someone without their phone. They
// are random (60 bits each, and every try counts against the two-factor limit), so a plain
// SHA-256 hash is enough to keep; the codes themselves are shown once.

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
const count = 10;

function generateRecoveryCode(): string {
	const bytes = new Uint8Array(12);
	crypto.getRandomValues(bytes);
	const letters = Array.from(bytes, (byte) => alphabet[byte >> 3]).join('');
	return letters.match(/.{4}/g)!.join('-');
}

/** Normalised as the sign-in form gives it: lower case, no dashes or spaces. */
const hashOf = (code: string) => hashSecret(code.replace(/[\s-]/g, '').toLowerCase());

/** New codes for the user (any old ones end), returned for showing once. */
export async function createRecoveryCodes(db: DB, userId: number, now: number): Promise<string[]> {
	const codes = Array.from({ length: count }, generateRecoveryCode);
	await db.deleteFrom('recoveryCode').where('userId', '=', userId).execute();
	await db
		.insertInto('recoveryCode')
		.values(codes.map((code) => ({ userId, codeHash: hashOf(code), createdAt: now })))
		.execute();
	return codes;
}

/** Spends the code if it is one of the user's unused ones: how many are left, or null. */
export async function spendRecoveryCode(
	db: DB,
	userId: number,
	code: string,
	now: number
): Promise<number | null> {
	const result = await db
		.updateTable('recoveryCode')
		.set({ usedAt: now })
		.where('userId', '=', userId)
		.where('codeHash', '=', hashOf(code))
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) return null;
	const { left } = await db
		.selectFrom('recoveryCode')
		.select((eb) => eb.fn.countAll<number>().as('left'))
		.where('userId', '=', userId)
		.where('usedAt', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(left);
}
