import { describe, expect, it } from 'vitest';
import { createInvite } from '../../../src/lib/server/accounts/invites';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import { mailSettingsFromEnv } from '../../../src/lib/server/mail/mail-settings';
import { freshDb } from '../helpers/db';
import { mailOrigin as origin, useMailWorker } from '../helpers/mail-worker';
import { newUser } from '../../support/seed';

const { turnMailOn, mailbox } = useMailWorker();

describe('mail', () => {
	it('mails an invite with a link to its page, in plain text and HTML, and keeps no copy once sent', async () => {
		turnMailOn();
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin', name: 'Ada Admin' });
		const { token, mailed } = await createInvite(db, admin, {
			email: 'New.Person@example.com',
			role: 'recruiter'
		});
		expect(mailed).toBe(true);
		expect(mailbox().messages).toHaveLength(0);
		expect(await runDueJobs(db)).toBe(1);

		const [mail] = await mailbox().waitForCount(1);
		const link = `${origin}/invite/${token}`;
		expect(mail!.to).toMatchObject({ text: 'new.person@example.com' });
		expect(mail!.from).toMatchObject({ text: '"Panelist" <panelist@example.com>' });
		expect(mail!.subject).toBe('Ada Admin invites you to Panelist');
		expect(mail!.text).toContain(`Join Panelist: ${link}`);
		expect(mail!.text).toContain('as Recruiter');
		expect(mail!.html).toContain(`<a href="${link}">Join Panelist</a>`);
		expect(mail!.messageId).toMatch(/^<[0-9a-f]{32}@example\.com>$/);

		const job = await db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
		expect(job).toMatchObject({ kind: 'mail.send', state: 'done', payload: '{}' });
		const delivery = await db.selectFrom('jobDelivery').selectAll().executeTakeFirstOrThrow();
		expect(delivery.detail).toMatch(/^250/);
	});

	it('queues nothing while mail is off, and the invite is given by hand', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const { mailed } = await createInvite(db, admin, { email: 'offline@example.com', role: 'interviewer' });
		expect(mailed).toBe(false);
		expect(await db.selectFrom('job').select('id').execute()).toEqual([]);
	});

	it('tries again later when the SMTP server refuses for now, and delivers once', async () => {
		turnMailOn();
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		await createInvite(db, admin, { email: 'busy@example.com', role: 'interviewer' });
		mailbox().refuseNext(1);
		const t = Date.now();
		await runDueJobs(db, { now: () => t });
		const waiting = await db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
		expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
		expect(waiting.lastError).toMatch(/451/);
		expect(waiting.runAt).toBeGreaterThanOrEqual(t + 15_000);
		expect(await runDueJobs(db, { now: () => waiting.runAt })).toBe(1);
		expect(await runDueJobs(db, { now: () => waiting.runAt + 3_600_000 })).toBe(0);
		expect(mailbox().messages.map((m) => m.subject)).toEqual([expect.stringMatching(/invites you/)]);
	});
});

describe('mail settings', () => {
	it('turns mail on with SMTP_URL, and refuses to start on a setting that cannot work', () => {
		expect(mailSettingsFromEnv({})).toBeNull();
		const env = {
			SMTP_URL: 'smtps://u:p@mail.example.com:465',
			MAIL_FROM: 'Panelist <p@example.com>',
			ORIGIN: `${origin}/`
		};
		expect(mailSettingsFromEnv(env)).toEqual({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, origin });
		expect(() => mailSettingsFromEnv({ ...env, SMTP_URL: 'http://mail.example.com' })).toThrow(
			/smtp:\/\/ or smtps:\/\//
		);
		expect(() => mailSettingsFromEnv({ ...env, SMTP_URL: 'not a url' })).toThrow(/not a URL/);
		expect(() => mailSettingsFromEnv({ ...env, MAIL_FROM: '' })).toThrow(/MAIL_FROM must be set/);
		expect(() => mailSettingsFromEnv({ ...env, ORIGIN: undefined })).toThrow(/ORIGIN must be set/);
	});
});
