import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';

// Tokens are `id.secret` (the current Lucia guide): the id finds the row, and only a
// SHA-256 hash of the secret is stored, compared in constant time. Sessions, invites and
// API tokens all use this shape.

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 24 characters from a 32-letter alphabet: 120 bits of entropy. */
export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	let out = '';
	for (const byte of bytes) out += alphabet[byte >> 3];
	return out;
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export interface IssuedToken {
	id: string;
	secretHash: Uint8Array;
	/** Given to the holder once; never stored. */
	token: string;
}

export function issueToken(prefix = ''): IssuedToken {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	return { id, secretHash: hashSecret(secret), token: `${prefix}${id}.${secret}` };
}

export function parseToken(token: string, prefix = ''): { id: string; secret: string } | null {
	if (!token.startsWith(prefix)) return null;
	const parts = token.slice(prefix.length).split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts as [string, string];
	if (id.length !== 24 || secret.length !== 24) return null;
	return { id, secret };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	const candidate = hashSecret(secret);
	return candidate.length === storedHash.length && constantTimeEqual(candidate, storedHash);
}
