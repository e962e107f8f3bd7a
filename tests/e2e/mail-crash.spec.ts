import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enqueueJob } from '../../src/lib/server/jobs/queue';
import { openDatabase } from '../../src/lib/server/platform/db';
import { prepareDatabase } from '../../src/lib/server/platform/prepare-database';
import { startMailbox } from '../support/smtp-mailbox';
import { expect, test } from './support/fixtures';
import { startServer } from './support/server-process';

// The queue loses nothing and sends nothing twice across crashes: the server is killed with
// -9 while a mail is being handed to the SMTP server, again and again, then left to finish.
// No browser is needed.

test('every queued mail reaches the mailbox exactly once across kill -9 mid-delivery', async () => {
	test.setTimeout(180_000);
	const mailbox = await startMailbox({ holdAnswers: true });
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-mail-')), 'panelist.db');
	const db = openDatabase(file);
	const count = 12;
	try {
		await prepareDatabase(db);
		for (let i = 1; i <= count; i++) {
			await enqueueJob(db, {
				kind: 'mail.send',
				key: `crash-test:${i}`,
				payload: {
					to: `person${i}@example.com`,
					subject: `Mail ${i}`,
					text: `Mail ${i}`,
					html: `<p>Mail ${i}</p>`
				}
			});
		}
		const env = {
			SMTP_URL: mailbox.url,
			MAIL_FROM: 'Panelist <panelist@example.com>',
			ORIGIN: 'http://127.0.0.1',
			JOB_LEASE_SECONDS: '1'
		};
		for (let crash = 0; crash < 5; crash++) {
			const receiving = mailbox.nextReceiving();
			const server = await startServer(file, env);
			await receiving;
			server.child.kill('SIGKILL');
			await server.exited;
			await mailbox.heldSendersGone();
		}
		// Held answers: no mail whose sender was killed was kept.
		expect(mailbox.messages).toHaveLength(0);
		mailbox.releaseAnswers();

		const server = await startServer(file, env);
		await mailbox.waitForCount(count, 60_000);
		await expect
			.poll(async () =>
				(await db.selectFrom('job').select('state').where('kind', '=', 'mail.send').distinct().execute()).map(
					(r) => r.state
				)
			)
			.toEqual(['done']);
		server.child.kill('SIGTERM');
		await server.exited;

		const subjects = mailbox.messages
			.map((m) => m.subject)
			.sort((a, b) => a!.localeCompare(b!, 'en', { numeric: true }));
		expect(subjects).toEqual(Array.from({ length: count }, (_, i) => `Mail ${i + 1}`));
		const attempts = await db.selectFrom('job').select('attempts').where('kind', '=', 'mail.send').execute();
		// Each crash cut a delivery short, so that mail was tried again: the kills landed mid-delivery.
		expect(attempts.reduce((sum, a) => sum + a.attempts - 1, 0)).toBeGreaterThanOrEqual(5);
	} finally {
		await db.destroy();
		await mailbox.close();
	}
});
