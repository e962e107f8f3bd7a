import { describe, expect, it } from 'vitest';
import { authenticateApiToken, createApiToken } from '../../../src/lib/server/auth/api-tokens';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import { FailureLimiter } from '../../../src/lib/server/auth/rate-limit';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session';
import { InputError, TooManyAttemptsError } from '../../../src/lib/server/platform/errors';
import { changeOwnPassword, resetPassword } from '../../../src/lib/server/auth/password-changes';
import { freshDb } from '../helpers/db';
import { newUser, testPassword } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 2, 9);
const minute = 60_000;

describe('changing one’s own password', () => {
	it('ends the other sessions and keeps this one', async () => {
		const db = freshDb();
		const sam = await newUser(db);
		const here = await createSession(db, sam.id);
		const elsewhere = await createSession(db, sam.id);
		await changeOwnPassword(db, sam, here.session.id, {
			currentPassword: testPassword,
			password: 'a-brand-new-secret'
		});
		expect(await validateSessionToken(db, here.token)).not.toBeNull();
		expect(await validateSessionToken(db, elsewhere.token)).toBeNull();
		const row = await db
			.selectFrom('user')
			.select('passwordHash')
			.where('id', '=', sam.id)
			.executeTakeFirstOrThrow();
		expect(await verifyPassword(row.passwordHash, 'a-brand-new-secret')).toBe(true);
	});

	it('needs the current password, and a new one that is not common', async () => {
		const db = freshDb();
		const sam = await newUser(db);
		const here = await createSession(db, sam.id);
		const wrong = await changeOwnPassword(db, sam, here.session.id, {
			currentPassword: 'not-it-at-all',
			password: 'a-brand-new-secret'
		}).catch((e) => e);
		expect(wrong.fieldErrors).toEqual({ currentPassword: 'Your current password is not right' });
		const common = await changeOwnPassword(db, sam, here.session.id, {
			currentPassword: testPassword,
			password: 'basketball'
		}).catch((e) => e);
		expect(common.fieldErrors.password).toMatch(/most common/);
	});

	it('keeps the API tokens, unless the user asks to revoke them too', async () => {
		const db = freshDb();
		const sam = await newUser(db);
		const here = await createSession(db, sam.id);
		const kept = await createApiToken(db, sam.id, 'ATS sync');
		await changeOwnPassword(db, sam, here.session.id, {
			currentPassword: testPassword,
			password: 'a-brand-new-secret'
		});
		expect(await authenticateApiToken(db, kept.token)).not.toBeNull();

		await changeOwnPassword(db, sam, here.session.id, {
			currentPassword: 'a-brand-new-secret',
			password: 'another-new-secret',
			revokeApiTokens: true
		});
		expect(await authenticateApiToken(db, kept.token)).toBeNull();
		const changes = (await listAuditEvents(db, 'user', sam.id)).filter(
			(e) => e.action === 'user.password_changed'
		);
		expect(changes.map((e) => JSON.parse(e.after!))).toEqual([
			{ apiTokensRevoked: 0 },
			{ apiTokensRevoked: 1 }
		]);
	});

	it('refuses to check the current password again after five wrong ones, for a while', async () => {
		const db = freshDb();
		const sam = await newUser(db);
		const here = await createSession(db, sam.id);
		const limiter = new FailureLimiter(5, 15 * minute);
		const attempt = (currentPassword: string, at: number) =>
			changeOwnPassword(
				db,
				sam,
				here.session.id,
				{ currentPassword, password: 'a-brand-new-secret' },
				at,
				limiter
			).catch((e) => e);
		for (let i = 0; i < 5; i++) expect(await attempt(`guess-number-${i}`, t0 + i)).toBeInstanceOf(InputError);
		const refused = await attempt(testPassword, t0 + 5);
		expect(refused).toBeInstanceOf(TooManyAttemptsError);
		expect(refused.message).toBe('Too many wrong current passwords. Wait 15 minutes and try again.');
		expect(await attempt(testPassword, t0 + 15 * minute + 1)).toBeUndefined();
	});
});

describe('an operator’s reset', () => {
	it('ends every session and revokes every API token of the user', async () => {
		const db = freshDb();
		const sam = await newUser(db, { email: 'sam@example.com' });
		const other = await newUser(db);
		const s = await createSession(db, sam.id);
		const script = await createApiToken(db, sam.id, 'ATS sync');
		const notebook = await createApiToken(db, sam.id, 'notebook');
		const untouched = await createApiToken(db, other.id, 'their script');
		expect(await resetPassword(db, 'SAM@example.com', 'operator-chosen-pass')).toEqual({
			apiTokensRevoked: 2
		});
		expect(await validateSessionToken(db, s.token)).toBeNull();
		expect(await authenticateApiToken(db, script.token)).toBeNull();
		expect(await authenticateApiToken(db, notebook.token)).toBeNull();
		expect(await authenticateApiToken(db, untouched.token)).not.toBeNull();
	});
});
