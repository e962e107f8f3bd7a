import { expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import { freshDb } from '../helpers/db';
import { mailOrigin as origin, useMailWorker } from '../helpers/mail-worker';
import { newLoop, submitAs } from '../../support/seed';

const { turnMailOn, mailbox } = useMailWorker();

it('mails the hiring manager a link to the debrief once the last scorecard is in, and no feedback', async () => {
	turnMailOn();
	const db = freshDb();
	const { loopId, scorecards, panel, manager } = await newLoop(db, { size: 2, at: Date.now() - 3 * hour });
	// The panel's calendar invitations (decision 022) go first; this test is about what follows.
	await runDueJobs(db);
	mailbox().messages.length = 0;
	await submitAs(db, panel[0]!, scorecards[0]!.id, { summary: 'A secret summary' });
	await runDueJobs(db);
	expect(mailbox().messages).toEqual([]);

	await submitAs(db, panel[1]!, scorecards[1]!.id, { summary: 'Another secret summary' });
	await runDueJobs(db);
	const [mail] = await mailbox().waitForCount(1);
	expect(mail!.to).toMatchObject({ text: manager.email });
	expect(mail!.subject).toMatch(/^Ready for debrief: Ada for Opening /);
	expect(mail!.text).toContain(`Open the debrief: ${origin}/loops/${loopId}/debrief`);
	expect(mail!.html).toContain(`href="${origin}/loops/${loopId}/debrief"`);
	expect(`${mail!.text}${mail!.html}`).not.toMatch(/secret summary|Evidence by/);
	expect(mailbox().messages).toHaveLength(1);
});
