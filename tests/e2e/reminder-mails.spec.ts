import type { ParsedMail } from 'mailparser';
import { toLocalInput } from '../../src/lib/domain/local-time';
import { parseCalendar } from '../support/icalendar';
import type { Seed } from '../support/seed';
import { expect, test } from './support/fixtures';
import { openOwnDatabase, startMailingServer } from './support/own-server';

// Issue 16's journey: a recruiter sets a panel in the browser for an interview that ended just
// over an hour ago; the interviewer gets the calendar invitation and, at once (the backfill
// rule), the first reminder, both in a real SMTP mailbox, both linking to their kit; once they
// submit, no further reminder comes. A server of its own with mail and reminders on, its
// worker polling as in production.

const minute = 60_000;

const subjectsOf = (mails: ParsedMail[]) => mails.map((m) => m.subject ?? '');

/** The link in a mail's text that follows `label: `. */
function linkIn(mail: ParsedMail, label: string): string {
	const match = new RegExp(`${label}: (\\S+)`).exec(mail.text ?? '');
	if (!match) throw new Error(`No "${label}" link in "${mail.subject}"`);
	return match[1]!;
}

test('a panel set after the interview brings the invitation and a reminder by mail; submitting ends the reminders', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const { file, db, seed } = await openOwnDatabase('reminders');
	await seed.user('admin');
	const recruiter = await seed.user('recruiter');
	const kim = await seed.user('interviewer', 'Kim Reminded');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId], 'Grace Candidate');
	const { loopId, rounds } = await seed.loop(recruiter, candidate.id, openingId, []);
	const round = await db
		.selectFrom('loopRound')
		.select(['title', 'durationMinutes'])
		.where('id', '=', rounds[0]!.id)
		.executeTakeFirstOrThrow();
	// Ended a little over an hour ago, to the minute the field takes.
	const startedAt = Math.floor((Date.now() - (round.durationMinutes + 62) * minute) / minute) * minute;
	const { origin, mailbox, stop } = await startMailingServer(file, { REMINDERS: 'on' });
	const recruiting = await browser.newContext({ baseURL: origin, timezoneId: 'UTC' });
	const interviewing = await browser.newContext({ baseURL: origin, timezoneId: 'UTC' });
	try {
		await seed.signIn(recruiting, recruiter);
		const page = await recruiting.newPage();
		await page.goto(`/loops/${loopId}`);
		const panel = page.getByRole('listitem').filter({ hasText: `1. ${round.title}` });
		await panel.getByLabel('Add interviewer').selectOption({ label: kim.name });
		await panel.getByLabel('Date and time').fill(toLocalInput(startedAt, 'UTC'));
		await panel.getByRole('button', { name: `Add to ${round.title}` }).click();
		await expect(panel.getByRole('row', { name: new RegExp(kim.name) })).toBeVisible();

		const mails = await mailbox.waitForCount(2, 20_000);
		const seat = await db
			.selectFrom('scorecard')
			.select(['id', 'scheduledAt'])
			.where('loopId', '=', loopId)
			.executeTakeFirstOrThrow();
		expect(seat.scheduledAt).toBe(startedAt);
		const kit = `${origin}/interviews/${seat.id}`;
		const invitation = mails.find((m) => m.subject?.startsWith('Interview with'))!;
		const reminder = mails.find((m) => m.subject?.startsWith('Reminder:'))!;
		expect(invitation.subject).toContain(`Interview with ${candidate.name} · ${round.title}`);
		expect(reminder.subject).toBe(`Reminder: your scorecard for ${candidate.name} · ${round.title}`);
		for (const mail of [invitation, reminder]) expect(mail.to).toMatchObject({ text: kim.email });
		const calendar = invitation.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
		const { method, events } = parseCalendar(calendar.content.toString('utf8'));
		expect({ method, ...events[0] }).toMatchObject({ method: 'REQUEST', start: startedAt, url: kit });
		expect(linkIn(invitation, 'Open the interview kit')).toBe(kit);
		expect(linkIn(reminder, 'Open your scorecard')).toBe(kit);

		// Kim follows the reminder's link to the kit and submits there.
		await seed.signIn(interviewing, kim);
		const kimPage = await interviewing.newPage();
		await kimPage.goto(linkIn(reminder, 'Open your scorecard'));
		await expect(kimPage.getByRole('heading', { level: 1 })).toContainText(candidate.name);
		await kimPage
			.getByRole('radio', { name: /^3 · Meets the bar/ })
			.first()
			.check();
		await kimPage.getByLabel('Evidence for Coding').fill('Working code with tests.');
		await kimPage
			.getByRole('radio', { name: /^2 · Below the bar/ })
			.nth(1)
			.check();
		await kimPage.getByLabel('Evidence for Problem solving').fill('Needed a hint.');
		await kimPage.getByRole('radio', { name: 'Yes', exact: true }).check();
		await kimPage.getByRole('button', { name: 'Submit scorecard' }).first().click();
		await expect(kimPage.getByRole('heading', { name: 'Your submitted scorecard' })).toBeVisible();

		// The worker has run since: the hiring manager's "ready for debrief" arrives, and no reminder with it.
		const [, , debrief] = await mailbox.waitForCount(3, 20_000);
		expect(debrief!.subject).toBe(
			`Ready for debrief: ${candidate.name} for ${await openingTitle(seed, openingId)}`
		);
		const queued = await db
			.selectFrom('job')
			.select('key')
			.where('kind', '=', 'reminder.send')
			.where('state', '=', 'queued')
			.execute();
		expect(queued).toEqual([]);
		expect(subjectsOf(mailbox.messages).filter((s) => s.startsWith('Reminder:'))).toHaveLength(1);
	} finally {
		await recruiting.close();
		await interviewing.close();
		await stop();
		await db.destroy();
	}
});

async function openingTitle(seed: Seed, openingId: number): Promise<string> {
	const row = await seed.db
		.selectFrom('opening')
		.select('title')
		.where('id', '=', openingId)
		.executeTakeFirstOrThrow();
	return row.title;
}
