import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordMinLength } from '../../domain/account-schemas';

// OWASP password storage cheat sheet: argon2id, 19 MiB memory, 2 iterations, 1 lane.
// @node-rs/argon2 uses argon2id by default.
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, argon2Options);
}

/**
 * Stored for accounts that have no password yet (users loaded by an import): not a hash,
 * so no password matches it, and checking against it costs the same time as a real check.
 */
export const noPasswordHash = '!no-password:set-one-with-reset-password';

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (passwordHash === noPasswordHash) {
		await spendVerificationTime(password);
		return false;
	}
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// A login for an unknown email still spends the time of one verification, so the answer
// time does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
	dummyHash ??= hashPassword('panelist-timing-equaliser');
	await verifyPassword(await dummyHash, password);
}

let commonPasswords: Set<string> | undefined;

/** True for passwords on the zxcvbn list of the most common ones (compared case-insensitively). */
export function isCommonPassword(password: string): boolean {
	commonPasswords ??= new Set(
		dictionary['passwords-common'].filter((p) => p.length >= passwordMinLength).map((p) => p.toLowerCase())
	);
	return commonPasswords.has(password.toLowerCase());
}

export const commonPasswordMessage =
	'This password is on the list of the most common passwords. Choose one that is harder to guess';
