import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, verifyPassword } from '../../../src/lib/server/auth/password';
import { newPasswordSchema } from '../../../src/lib/domain/account-schemas';

describe('passwords', () => {
	it('hashes with argon2id at the OWASP parameters and verifies', async () => {
		const hash = await hashPassword('a perfectly fine passphrase');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'a perfectly fine passphrase')).toBe(true);
		expect(await verifyPassword(hash, 'a perfectly fine passphrasE')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});

	it('accepts 10 to 256 characters', () => {
		expect(newPasswordSchema.safeParse('123456789').success).toBe(false);
		expect(newPasswordSchema.safeParse('tenchars!!').success).toBe(true);
		expect(newPasswordSchema.safeParse('x'.repeat(256)).success).toBe(true);
		expect(newPasswordSchema.safeParse('x'.repeat(257)).success).toBe(false);
	});

	it('knows the most common passwords, whatever their case', () => {
		expect(isCommonPassword('password123')).toBe(true);
		expect(isCommonPassword('QWERTYUIOP')).toBe(true);
		expect(isCommonPassword('1234567890')).toBe(true);
		expect(isCommonPassword('violet-harbour-tangent-19')).toBe(false);
	});
});
