import { afterEach, describe, expect, it } from 'vitest';
import { authenticateApiToken, createApiToken } from '../../../src/lib/server/auth/api-tokens';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

// The lookups every request makes must not be prepared again on each run. SQLite 3.54 does
// that to a join compared with a bare parameter, and better-sqlite3 13 then compiles a new
// row constructor with Function() every time: a cost several times the lookup's own, which
// took the autosave below its budget (decision 016). Counting those compilations shows it.

const realFunction = globalThis.Function;
let compiled = 0;

function countCompilations() {
	compiled = 0;
	globalThis.Function = new Proxy(realFunction, {
		apply(target, self, args) {
			compiled += 1;
			return Reflect.apply(target, self, args);
		}
	});
}

afterEach(() => {
	globalThis.Function = realFunction;
});

const t0 = Date.UTC(2026, 10, 30, 9);

describe('the per-request lookups', () => {
	it('validate a session a hundred times with the statement prepared once', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const { token } = await createSession(db, user.id, t0);
		expect(await validateSessionToken(db, token, t0)).not.toBeNull();

		countCompilations();
		for (let i = 0; i < 100; i++) await validateSessionToken(db, token, t0 + i);
		expect(compiled).toBe(0);
	});

	it('authenticate an API token a hundred times with the statement prepared once', async () => {
		const db = freshDb();
		const user = await newUser(db, { role: 'recruiter' });
		const { token } = await createApiToken(db, user.id, 'ATS sync', t0);
		expect(await authenticateApiToken(db, token, t0)).not.toBeNull();

		countCompilations();
		for (let i = 0; i < 100; i++) await authenticateApiToken(db, token, t0 + i);
		expect(compiled).toBe(0);
	});
});
