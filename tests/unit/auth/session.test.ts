import { describe, expect, it } from 'vitest';
import {
	createSession,
	defaultSessionPolicy,
	invalidateSession,
	invalidateUserSessions,
	sessionPolicyFromEnv,
	validateSessionToken
} from '../../../src/lib/server/auth/session';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

const hour = 3_600_000;
const t0 = Date.UTC(2026, 10, 2, 9);

describe('sessions', () => {
	it('stores only a hash of the secret and validates the token it issued', async () => {
		const db = freshDb();
		const user = await newUser(db, { name: 'Nia' });
		const { token, session } = await createSession(db, user.id, t0);
		const row = await db
			.selectFrom('session')
			.selectAll()
			.where('id', '=', session.id)
			.executeTakeFirstOrThrow();
		const secret = token.split('.')[1]!;
		expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret);

		const valid = await validateSessionToken(db, token, t0 + 1000);
		expect(valid?.user).toMatchObject({ id: user.id, name: 'Nia', role: 'interviewer' });
		expect(valid?.session.expiresAt).toBe(t0 + defaultSessionPolicy.absoluteLifetimeMs);
	});

	it('refuses a token with the right id but a wrong secret', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const { session } = await createSession(db, user.id, t0);
		const forged = `${session.id}.${'a'.repeat(24)}`;
		expect(await validateSessionToken(db, forged, t0)).toBeNull();
	});

	it('ends a session left idle for the inactivity timeout', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const { token } = await createSession(db, user.id, t0);
		const idle = defaultSessionPolicy.idleTimeoutMs;
		expect(await validateSessionToken(db, token, t0 + idle - 1)).not.toBeNull();
		// That use counted as activity, so the clock restarts from there.
		expect(await validateSessionToken(db, token, t0 + 2 * idle - 2)).not.toBeNull();
		expect(await validateSessionToken(db, token, t0 + 3 * idle)).toBeNull();
		expect(await db.selectFrom('session').selectAll().execute()).toHaveLength(0);
	});

	it('ends an active session at its absolute lifetime', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const { token } = await createSession(db, user.id, t0);
		let now = t0;
		while (now + 12 * hour < t0 + defaultSessionPolicy.absoluteLifetimeMs) {
			now += 12 * hour;
			expect(await validateSessionToken(db, token, now)).not.toBeNull();
		}
		expect(await validateSessionToken(db, token, t0 + defaultSessionPolicy.absoluteLifetimeMs)).toBeNull();
	});

	it('only writes lastVerifiedAt once per activity interval', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const { token, session } = await createSession(db, user.id, t0);
		const lastVerified = async () =>
			(
				await db
					.selectFrom('session')
					.select('lastVerifiedAt')
					.where('id', '=', session.id)
					.executeTakeFirstOrThrow()
			).lastVerifiedAt;
		await validateSessionToken(db, token, t0 + 10 * 60_000);
		expect(await lastVerified()).toBe(t0);
		await validateSessionToken(db, token, t0 + 2 * hour);
		expect(await lastVerified()).toBe(t0 + 2 * hour);
	});

	it('refuses the session of a deactivated user', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const { token } = await createSession(db, user.id, t0);
		await db.updateTable('user').set({ deactivatedAt: t0 }).where('id', '=', user.id).execute();
		expect(await validateSessionToken(db, token, t0 + 1)).toBeNull();
	});

	it('ends one session, or all of a user except the one kept', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const a = await createSession(db, user.id, t0);
		const b = await createSession(db, user.id, t0);
		const c = await createSession(db, user.id, t0);
		await invalidateSession(db, a.session.id);
		expect(await validateSessionToken(db, a.token, t0)).toBeNull();
		await invalidateUserSessions(db, user.id, b.session.id);
		expect(await validateSessionToken(db, b.token, t0)).not.toBeNull();
		expect(await validateSessionToken(db, c.token, t0)).toBeNull();
	});

	it('reads the timeouts from the environment and refuses nonsense', () => {
		expect(sessionPolicyFromEnv({ SESSION_IDLE_HOURS: '8', SESSION_MAX_DAYS: '1' })).toMatchObject({
			idleTimeoutMs: 8 * hour,
			absoluteLifetimeMs: 24 * hour
		});
		expect(sessionPolicyFromEnv({})).toEqual(defaultSessionPolicy);
		expect(() => sessionPolicyFromEnv({ SESSION_IDLE_HOURS: 'soon' })).toThrow(/SESSION_IDLE_HOURS/);
	});
});
