import { describe, expect, it } from 'vitest';
import { hashSecret, issueToken, parseToken, secretMatches } from '../../../src/lib/server/auth/secret-token';

describe('id.secret tokens', () => {
	it('issues a token whose secret matches only its own hash', () => {
		const a = issueToken();
		const b = issueToken();
		const parsedA = parseToken(a.token)!;
		expect(parsedA.id).toBe(a.id);
		expect(a.token).not.toContain(Buffer.from(a.secretHash).toString('hex'));
		expect(secretMatches(parsedA.secret, a.secretHash)).toBe(true);
		expect(secretMatches(parsedA.secret, b.secretHash)).toBe(false);
		expect(a.secretHash).toEqual(hashSecret(parsedA.secret));
		expect(a.secretHash).toHaveLength(32);
	});

	it('refuses malformed tokens and the wrong prefix', () => {
		expect(parseToken('no-dot-here')).toBeNull();
		expect(parseToken('a.b.c')).toBeNull();
		expect(parseToken('short.secret')).toBeNull();
		const prefixed = issueToken('pnl_');
		expect(parseToken(prefixed.token, 'pnl_')?.id).toBe(prefixed.id);
		expect(parseToken(prefixed.token)).toBeNull();
	});
});
