import { describe, expect, it, vi } from 'vitest';
import { createApiToken, authenticateApiToken } from '../../../src/lib/server/auth/api-tokens';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session';
import { ConflictError, ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import {
	changeUserRole,
	createFirstAdmin,
	createUser,
	deactivateUser,
	listUsers,
	reactivateUser
} from '../../../src/lib/server/accounts/users';
import { getTeamSummary } from '../../../src/lib/server/accounts/team-summary';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

// The real functions, watched: setup must refuse before it spends an argon2 hash.
vi.mock('../../../src/lib/server/auth/password', { spy: true });

describe('first-run setup', () => {
	it('creates the first admin once, and only while there are no users', async () => {
		const db = freshDb();
		const admin = await createFirstAdmin(db, {
			name: 'Ada',
			email: 'Ada@Example.com',
			password: 'first-admin-pass'
		});
		expect(admin).toMatchObject({ role: 'admin', email: 'ada@example.com' });
		await expect(
			createFirstAdmin(db, { name: 'Eve', email: 'eve@example.com', password: 'second-admin-pass' })
		).rejects.toBeInstanceOf(ConflictError);
		expect(await db.selectFrom('user').select('email').execute()).toEqual([{ email: 'ada@example.com' }]);
	});

	it('once set up, refuses before hashing the password', async () => {
		const db = freshDb();
		await newUser(db, { role: 'admin' });
		vi.mocked(hashPassword).mockClear();
		await expect(
			createFirstAdmin(db, { name: 'Eve', email: 'eve@example.com', password: 'second-admin-pass' })
		).rejects.toBeInstanceOf(ConflictError);
		expect(hashPassword).not.toHaveBeenCalled();
	});

	it('refuses a common password', async () => {
		const db = freshDb();
		const error = await createFirstAdmin(db, {
			name: 'Ada',
			email: 'ada@example.com',
			password: 'password123'
		}).catch((e) => e);
		expect(error).toBeInstanceOf(InputError);
		expect(error.fieldErrors.password).toMatch(/most common passwords/);
	});
});

describe('user administration', () => {
	it('refuses a second user with the same email in any case', async () => {
		const db = freshDb();
		await createUser(db, {
			email: 'sam@example.com',
			name: 'Sam',
			role: 'interviewer',
			password: 'long-enough-pass'
		});
		const error = await createUser(db, {
			email: 'SAM@example.com',
			name: 'Sam 2',
			role: 'recruiter',
			password: 'long-enough-pass'
		}).catch((e) => e);
		expect(error).toBeInstanceOf(InputError);
		expect(error.fieldErrors.email).toBe('A user with this email already exists');
	});

	it('lets only admins list users and change roles', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const other = await newUser(db);
		await expect(listUsers(db, recruiter)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(changeUserRole(db, recruiter, other.id, 'admin')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(deactivateUser(db, recruiter, other.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getTeamSummary(db, recruiter)).rejects.toBeInstanceOf(ForbiddenError);
		expect(
			(await db.selectFrom('user').select('role').where('id', '=', other.id).executeTakeFirstOrThrow()).role
		).toBe('interviewer');
	});

	it('changes a role and records who changed what', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const sam = await newUser(db);
		await changeUserRole(db, admin, sam.id, 'recruiter');
		const users = await listUsers(db, admin);
		expect(users.find((u) => u.id === sam.id)?.role).toBe('recruiter');
		const events = await listAuditEvents(db, 'user', sam.id);
		expect(events.at(-1)).toMatchObject({
			action: 'user.role_changed',
			actorUserId: admin.id,
			before: JSON.stringify({ role: 'interviewer' }),
			after: JSON.stringify({ role: 'recruiter' })
		});
	});

	it('keeps at least one active admin', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const error = await changeUserRole(db, admin, admin.id, 'interviewer').catch((e) => e);
		expect(error).toBeInstanceOf(InputError);
		expect(error.fieldErrors.role).toMatch(/at least one active admin/);
		await expect(deactivateUser(db, admin, admin.id)).rejects.toThrow(/your own account/);
	});

	it('deactivation revokes the user’s API tokens for good: reactivation does not bring them back', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const sam = await newUser(db);
		const { token } = await createApiToken(db, sam.id, 'ATS sync');
		await deactivateUser(db, admin, sam.id);
		await reactivateUser(db, admin, sam.id);
		expect(await authenticateApiToken(db, token)).toBeNull();
		const fresh = await createApiToken(db, sam.id, 'new script');
		expect(await authenticateApiToken(db, fresh.token)).not.toBeNull();
		const [deactivated] = await listAuditEvents(db, 'user', sam.id).then((events) =>
			events.filter((e) => e.action === 'user.deactivated')
		);
		expect(JSON.parse(deactivated!.after!)).toEqual({ apiTokensRevoked: 1 });
	});

	it('deactivation ends every session of the user at once; reactivation lets them sign in again', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const sam = await newUser(db);
		const laptop = await createSession(db, sam.id);
		const tablet = await createSession(db, sam.id);
		await deactivateUser(db, admin, sam.id);
		expect(await validateSessionToken(db, laptop.token)).toBeNull();
		expect(await validateSessionToken(db, tablet.token)).toBeNull();
		expect((await getTeamSummary(db, admin)).deactivated).toBe(1);
		await reactivateUser(db, admin, sam.id);
		expect((await getTeamSummary(db, admin)).activeByRole).toEqual({
			admin: 1,
			recruiter: 0,
			interviewer: 1
		});
		expect((await listAuditEvents(db, 'user', sam.id)).map((e) => e.action)).toEqual([
			'user.created',
			'user.deactivated',
			'user.reactivated'
		]);
	});
});
