import { describe, expect, it } from 'vitest';
import { attemptLogin, createLoginLimiters } from '../../../src/lib/server/auth/login';
import { demoPassword, seedDemo } from '../../../src/cli/demo';
import { freshDb } from '../helpers/db';

describe('demo organisation', () => {
	it('has an admin, a recruiter, a hiring manager and five interviewers, each able to sign in', async () => {
		const db = freshDb();
		const logins = await seedDemo(db);
		expect(logins.map((l) => l.note)).toEqual([
			'admin',
			'recruiter',
			'hiring manager',
			'interviewer',
			'interviewer',
			'interviewer',
			'interviewer',
			'interviewer'
		]);
		const limiters = createLoginLimiters();
		for (const login of logins) {
			const result = await attemptLogin(db, limiters, {
				email: login.email,
				password: demoPassword,
				clientAddress: 'demo'
			});
			expect(result, login.email).toMatchObject({ ok: true, user: { role: login.role } });
		}
	});
});
