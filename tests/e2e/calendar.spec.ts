import { parseCalendar } from '../support/icalendar';
import { expect, test } from './support/fixtures';

test('an interviewer makes a calendar feed on the settings page; it lists their interview until revoked', async ({
	page,
	playwright,
	baseURL,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const kim = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const at = Date.UTC(2026, 11, 7, 14);
	const loop = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [kim.id], scheduledAt: at }
	]);
	const seat = loop.scorecards[0]!.id;

	await seed.signIn(page.context(), kim);
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Create a calendar feed' }).click();
	const address = await page.getByLabel('Your calendar feed address').inputValue();
	expect(address).toMatch(/\/calendar\/pcal_[a-z0-9.]+\.ics$/);

	// A calendar app has no session: the address alone opens the feed.
	const app = await playwright.request.newContext({ baseURL });
	const feed = await app.get(address);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const { events } = parseCalendar(await feed.text());
	expect(events).toHaveLength(1);
	expect(events[0]).toMatchObject({ start: at, url: `${new URL(address).origin}/interviews/${seat}` });
	expect(events[0]!.summary).toContain(candidate.name);

	await page.reload();
	await expect(page.getByText('You have a calendar feed')).toBeVisible();
	await page.getByRole('button', { name: 'Revoke calendar feed' }).click();
	await expect(page.getByRole('status')).toContainText('no longer works');
	expect((await app.get(address)).status()).toBe(404);
	await app.dispose();
});
