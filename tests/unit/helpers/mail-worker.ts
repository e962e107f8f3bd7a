import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import '../../../src/lib/server/jobs/job-kinds';
import { configureMail } from '../../../src/lib/server/mail/mail-settings';
import type { DB } from '../../../src/lib/server/platform/db';
import { startMailbox, type Mailbox } from '../../support/smtp-mailbox';

// Mail through the real queue to a real SMTP server, with the worker's clock in the test's
// hand: one mailbox for the test file, emptied and mail turned off again after each test.

export const mailOrigin = 'https://panelist.example.com';

/** Each mail as `to: subject`, the way a test lists what went out. */
export function subjects(mails: ParsedMail[]): string[] {
	return mails.map((m) => `${m.to && 'text' in m.to ? m.to.text : ''}: ${m.subject}`);
}

/** Call once at the top of a test file: registers the mailbox's hooks. */
export function useMailWorker() {
	let mailbox: Mailbox;
	let seen = 0;
	beforeAll(async () => {
		mailbox = await startMailbox();
	});
	afterAll(() => mailbox.close());
	afterEach(() => {
		configureMail(null);
		mailbox.messages.length = 0;
		seen = 0;
	});

	/** Runs what is due at `now` and returns the mails that went out since the last call. */
	async function mailsAt(db: DB, now: number): Promise<ParsedMail[]> {
		await runDueJobs(db, { now: () => now });
		const sent = await db
			.selectFrom('job')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('kind', '=', 'mail.send')
			.where('state', '=', 'done')
			.executeTakeFirstOrThrow();
		const all = await mailbox.waitForCount(Number(sent.n));
		const fresh = all.slice(seen);
		seen = all.length;
		return fresh;
	}

	return {
		mailbox: () => mailbox,
		/** Turns Panelist's mail on, to the mailbox, its links on mailOrigin. */
		turnMailOn: () =>
			configureMail({ smtpUrl: mailbox.url, from: 'Panelist <panelist@example.com>', origin: mailOrigin }),
		mailsAt,
		/** As mailsAt, each mail as `to: subject`. */
		subjectsAt: async (db: DB, now: number) => subjects(await mailsAt(db, now))
	};
}
