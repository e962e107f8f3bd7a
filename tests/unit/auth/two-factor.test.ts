import { describe, expect, it } from 'vitest';
import {
	confirmEnrolment,
	createTwoFactorLimiter,
	disableOwnTwoFactor,
	hasTwoFactor,
	listTwoFactorUserIds,
	prepareEnrolment,
	resetTwoFactor,
	verifySecondFactor,
	wrongCodeMessage
} from '../../../src/lib/server/auth/two-factor';
import { matchTotpStep, timeStep, totpCodeAt } from '../../../src/lib/server/auth/totp';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import {
	ConflictError,
	ForbiddenError,
	InputError,
	TooManyAttemptsError
} from '../../../src/lib/server/platform/errors';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 30, 9);
const step = 30_000;

async function keyOf(db: DB, userId: number): Promise<Uint8Array> {
	const row = await db
		.selectFrom('userTotp')
		.select('key')
		.where('userId', '=', userId)
		.executeTakeFirstOrThrow();
	return row.key;
}

/** A user with two-factor on, enrolled at t0 with the code of that moment. */
async function enrolledUser(db: DB, role: 'admin' | 'interviewer' = 'interviewer') {
	const user = await newUser(db, { role });
	await prepareEnrolment(db, user, t0);
	const key = await keyOf(db, user.id);
	const recoveryCodes = await confirmEnrolment(
		db,
		createTwoFactorLimiter(db),
		user,
		totpCodeAt(key, timeStep(t0)),
		t0
	);
	return { user, key, recoveryCodes, codeAt: (at: number) => totpCodeAt(key, timeStep(at)) };
}

describe('TOTP (RFC 6238)', () => {
	// RFC 6238 appendix B, SHA-1 with the key "12345678901234567890"; six digits are the last six of eight.
	it('gives the codes of the RFC test vectors', () => {
		const key = new TextEncoder().encode('12345678901234567890');
		expect(totpCodeAt(key, timeStep(59_000))).toBe('287082');
		expect(totpCodeAt(key, timeStep(1_111_111_109_000))).toBe('081804');
		expect(totpCodeAt(key, timeStep(20_000_000_000_000))).toBe('353130');
	});

	it('takes a code one step either side of now, and none at or before the last used step', () => {
		const key = new TextEncoder().encode('12345678901234567890');
		const now = 1_111_111_109_000;
		const current = timeStep(now);
		expect(matchTotpStep(key, totpCodeAt(key, current - 1), now, null)).toBe(current - 1);
		expect(matchTotpStep(key, totpCodeAt(key, current + 1), now, null)).toBe(current + 1);
		expect(matchTotpStep(key, totpCodeAt(key, current - 2), now, null)).toBeNull();
		expect(matchTotpStep(key, totpCodeAt(key, current), now, current)).toBeNull();
		expect(matchTotpStep(key, totpCodeAt(key, current + 1), now, current)).toBe(current + 1);
	});
});

describe('two-factor enrolment', () => {
	it('keeps one key until confirmed, then turns on with ten recovery codes, audited', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const first = await prepareEnrolment(db, user, t0);
		expect(first.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
		expect(await prepareEnrolment(db, user, t0 + 1000)).toEqual(first);
		expect(await hasTwoFactor(db, user.id)).toBe(false);

		const key = await keyOf(db, user.id);
		const limiter = createTwoFactorLimiter(db);
		await expect(confirmEnrolment(db, limiter, user, '000000', t0)).rejects.toThrow(InputError);
		const codes = await confirmEnrolment(db, limiter, user, totpCodeAt(key, timeStep(t0)), t0);
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		expect(await hasTwoFactor(db, user.id)).toBe(true);
		// Only hashes of the codes are kept.
		const stored = await db
			.selectFrom('recoveryCode')
			.select('codeHash')
			.where('userId', '=', user.id)
			.execute();
		expect(stored.map((row) => Buffer.from(row.codeHash).toString())).not.toContain(codes[0]);
		await expect(prepareEnrolment(db, user, t0)).rejects.toThrow(ConflictError);
		expect((await listAuditEvents(db, 'user', user.id)).map((e) => e.action)).toContain(
			'user.two_factor_enrolled'
		);
	});
});

describe('the second factor at sign-in', () => {
	it('takes a new code once: the same code again, or an older one, is refused', async () => {
		const db = freshDb();
		const { user, codeAt } = await enrolledUser(db);
		const limiter = createTwoFactorLimiter(db);
		// The enrolment code itself was used.
		await expect(verifySecondFactor(db, limiter, user.id, codeAt(t0), t0)).rejects.toThrow(wrongCodeMessage);
		const later = t0 + 2 * step;
		expect(await verifySecondFactor(db, limiter, user.id, codeAt(later), later)).toEqual({ method: 'totp' });
		await expect(verifySecondFactor(db, limiter, user.id, codeAt(later), later + 1000)).rejects.toThrow(
			InputError
		);
		await expect(verifySecondFactor(db, limiter, user.id, codeAt(later - step), later)).rejects.toThrow(
			InputError
		);
		expect(await verifySecondFactor(db, limiter, user.id, codeAt(later + step), later + step)).toEqual({
			method: 'totp'
		});
	});

	it('takes each recovery code once, however it is typed, and audits what is left', async () => {
		const db = freshDb();
		const { user, recoveryCodes } = await enrolledUser(db);
		const limiter = createTwoFactorLimiter(db);
		const typed = recoveryCodes[3]!.toUpperCase().replaceAll('-', ' ');
		expect(
			await verifySecondFactor(db, limiter, user.id, typed.replaceAll(' ', '').toLowerCase(), t0)
		).toEqual({
			method: 'recovery-code'
		});
		await expect(verifySecondFactor(db, limiter, user.id, recoveryCodes[3]!, t0)).rejects.toThrow(InputError);
		const used = (await listAuditEvents(db, 'user', user.id)).find(
			(e) => e.action === 'user.recovery_code_used'
		);
		expect(JSON.parse(used!.after!)).toEqual({ remaining: 9 });
	});

	it('stops checking after five wrong codes in 15 minutes, even a right one', async () => {
		const db = freshDb();
		const { user, codeAt } = await enrolledUser(db);
		const limiter = createTwoFactorLimiter(db);
		const later = t0 + 2 * step;
		for (let i = 0; i < 5; i++) {
			await expect(verifySecondFactor(db, limiter, user.id, `00000${i}`, later)).rejects.toThrow(InputError);
		}
		await expect(verifySecondFactor(db, limiter, user.id, codeAt(later), later)).rejects.toThrow(
			TooManyAttemptsError
		);
		const afterWait = later + 15 * 60_000;
		expect(await verifySecondFactor(db, limiter, user.id, codeAt(afterWait), afterWait)).toEqual({
			method: 'totp'
		});
	});
});

describe('turning two-factor off', () => {
	it('needs a current code, and is refused where it is required', async () => {
		const db = freshDb();
		const { user, codeAt } = await enrolledUser(db);
		const limiter = createTwoFactorLimiter(db);
		const later = t0 + 2 * step;
		await expect(disableOwnTwoFactor(db, limiter, user, codeAt(later), true, later)).rejects.toThrow(
			ConflictError
		);
		await expect(disableOwnTwoFactor(db, limiter, user, '123456', false, later)).rejects.toThrow(InputError);
		await disableOwnTwoFactor(db, limiter, user, codeAt(later), false, later);
		expect(await hasTwoFactor(db, user.id)).toBe(false);
		expect((await listAuditEvents(db, 'user', user.id)).map((e) => e.action)).toContain(
			'user.two_factor_disabled'
		);
	});

	it('is reset by an admin only, audited', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const recruiter = await newUser(db, { role: 'recruiter' });
		const { user } = await enrolledUser(db);
		expect(await listTwoFactorUserIds(db, admin)).toEqual([user.id]);
		await expect(resetTwoFactor(db, recruiter, user.id, t0)).rejects.toThrow(ForbiddenError);
		await resetTwoFactor(db, admin, user.id, t0);
		expect(await hasTwoFactor(db, user.id)).toBe(false);
		expect(
			await db.selectFrom('recoveryCode').select('userId').where('userId', '=', user.id).execute()
		).toEqual([]);
		const reset = (await listAuditEvents(db, 'user', user.id)).find(
			(e) => e.action === 'user.two_factor_reset'
		);
		expect(reset?.actorUserId).toBe(admin.id);
	});
});
