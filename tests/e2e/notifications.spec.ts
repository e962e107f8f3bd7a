import { expect, test } from './support/fixtures';

test('the bell counts unread notices; the list links to the exact page and marks them read', async ({
	page,
	seed
}) => {
	const manager = await seed.user('interviewer', 'Morgan Manager');
	const panelist = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(await seed.user('recruiter'), candidate.id, openingId, [
		{ round: 0, interviewerIds: [panelist.id], scheduledAt: Date.now() - 2 * 3_600_000 }
	]);
	await seed.submitScorecard(panelist, scorecards[0]!.id);

	await seed.signIn(page.context(), manager);
	await page.goto('/');
	await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
	const notice = page.getByRole('link', { name: new RegExp(`^Ready for debrief: ${candidate.name} for `) });
	await expect(notice).toHaveAttribute('href', `/loops/${loopId}/debrief`);
	await page.getByRole('button', { name: /^Mark read/ }).click();
	await expect(page.getByRole('link', { name: 'Notifications, 0 unread' })).toBeVisible();
	await notice.click();
	await expect(page).toHaveURL(new RegExp(`/loops/${loopId}/debrief$`));

	await seed.signIn(page.context(), panelist);
	await page.goto('/notifications');
	await expect(
		page.getByRole('link', { name: new RegExp(`^Interview with ${candidate.name} · `) })
	).toHaveAttribute('href', `/interviews/${scorecards[0]!.id}`);
	await page.getByRole('button', { name: 'Mark all as read' }).click();
	await expect(page.getByRole('link', { name: 'Notifications, 0 unread' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0);
});
