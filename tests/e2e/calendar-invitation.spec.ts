import type { ParsedMail } from 'mailparser';
import { parseCalendar } from '../support/icalendar';
import { expect, test } from './support/fixtures';
import { openOwnDatabase, startMailingServer } from './support/own-server';

// Setting a panel in the browser sends the interviewer a calendar invitation, and taking
// them off sends its cancellation: a server of its own with mail on, and a real SMTP server.

function invitationIn(mail: ParsedMail) {
	const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
	if (!part) throw new Error(`No calendar in "${mail.subject}"`);
	const { method, events } = parseCalendar(part.content.toString('utf8'));
	return { method, ...events[0]! };
}

test('adding an interviewer to a panel mails them an invitation; removing them mails its cancellation', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { file, db, seed } = await openOwnDatabase('invite');
	await seed.user('admin');
	const recruiter = await seed.user('recruiter');
	const kim = await seed.user('interviewer', 'Kim Invited');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId], 'Grace Candidate');
	const { loopId, rounds } = await seed.loop(recruiter, candidate.id, openingId, []);
	const { origin, mailbox, stop } = await startMailingServer(file);
	const context = await browser.newContext({ baseURL: origin });
	try {
		await seed.signIn(context, recruiter);
		const page = await context.newPage();
		await page.goto(`/loops/${loopId}`);
		const round = page.getByRole('listitem').filter({ hasText: `1. ${rounds[0]!.title}` });
		await round.getByLabel('Add interviewer').selectOption({ label: kim.name });
		await round.getByLabel('Date and time').fill('2031-01-14T09:30');
		await round.getByRole('button', { name: `Add to ${rounds[0]!.title}` }).click();
		await expect(round.getByRole('row', { name: new RegExp(kim.name) })).toBeVisible();

		const [invitation] = await mailbox.waitForCount(1, 30_000);
		const seat = await db
			.selectFrom('scorecard')
			.select(['id', 'scheduledAt'])
			.where('loopId', '=', loopId)
			.executeTakeFirstOrThrow();
		expect(invitation!.to).toMatchObject({ text: kim.email });
		expect(invitation!.subject).toContain(`Interview with ${candidate.name} · ${rounds[0]!.title}`);
		expect(invitation!.text).toContain(`Open the interview kit: ${origin}/interviews/${seat.id}`);
		const sent = invitationIn(invitation!);
		expect(sent).toMatchObject({
			method: 'REQUEST',
			uid: `interview-${seat.id}@localhost`,
			sequence: 0,
			start: seat.scheduledAt,
			url: `${origin}/interviews/${seat.id}`
		});

		await round.locator('summary', { hasText: kim.name }).click();
		await round.getByRole('button', { name: `Remove ${kim.name} from ${rounds[0]!.title}` }).click();
		await expect(round.getByRole('row', { name: new RegExp(kim.name) })).toHaveCount(0);
		const [, cancellation] = await mailbox.waitForCount(2, 30_000);
		expect(cancellation!.subject).toMatch(/^Cancelled: Interview with/);
		expect(invitationIn(cancellation!)).toMatchObject({ method: 'CANCEL', uid: sent.uid, sequence: 1 });
	} finally {
		await context.close();
		await stop();
		await db.destroy();
	}
});
