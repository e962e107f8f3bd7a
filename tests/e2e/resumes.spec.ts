import type { Page } from '@playwright/test';
import { ApiContract, clientFor, tokenFor } from './support/api';
import { expectNoViolations } from './support/axe';
import { expect, test, type Seed, type SeededUser } from './support/fixtures';

const pdfBytes = (text: string, padTo = 0) => {
	const body = `%PDF-1.7\n% ${text}\n`;
	return Buffer.concat([
		Buffer.from(body),
		Buffer.alloc(Math.max(0, padTo - body.length), 0x20),
		Buffer.from('\n%%EOF\n')
	]);
};

/** A candidate on a manager's opening with a loop whose only panelist is `panelist`. */
async function seedCandidateWithLoop(seed: Seed) {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer');
	const panelist = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	const candidate = await seed.candidate([openingId]);
	const loop = await seed.loop(
		recruiter,
		candidate.id,
		openingId,
		[0, 1, 2, 3, 4].map((round) => ({
			round,
			interviewerIds: [panelist.id],
			scheduledAt: Date.now() + 86_400_000
		}))
	);
	return { recruiter, manager, panelist, openingId, candidate, loop };
}

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
	await page.getByLabel(/Upload a PDF|Replace with another PDF/).setInputFiles({ name, mimeType, buffer });
	await page.getByRole('button', { name: 'Upload résumé' }).click();
}

test('a recruiter uploads a résumé; a non-PDF and an oversized file are refused and change nothing', async ({
	page,
	seed
}) => {
	const { recruiter, candidate } = await seedCandidateWithLoop(seed);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/candidates/${candidate.id}`);
	const section = page.getByRole('region', { name: 'Résumé' });
	await expect(section).toContainText('No résumé yet.');

	// Named .pdf and declared a PDF, but HTML inside: the bytes decide.
	await upload(page, 'cv.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>'));
	// The answer opens at the summary in the upload form; its link leads back to the file chooser.
	await expect(section.getByRole('alert')).toBeFocused();
	await section.getByRole('link', { name: 'The résumé must be a PDF file' }).click();
	await expect(page.getByLabel('Upload a PDF')).toBeFocused();
	await expect(section).toContainText('No résumé yet.');

	await upload(page, 'huge.pdf', 'application/pdf', pdfBytes('big', 10.5 * 1024 * 1024));
	await expect(
		section.getByRole('link', { name: 'The résumé is larger than 10.0 MB; upload a smaller PDF' })
	).toBeVisible();
	await expect(section).toContainText('No résumé yet.');
	await expectNoViolations(page);

	await upload(page, 'Ada CV.pdf', 'application/pdf', pdfBytes('the real one'));
	await expect(section.getByRole('status')).toHaveText('Résumé uploaded.');
	await expect(section.getByRole('link', { name: 'Ada CV.pdf' })).toBeVisible();
	await expectNoViolations(page);

	await section.getByRole('button', { name: 'Remove résumé' }).click();
	await expect(section.getByRole('status')).toHaveText('Résumé removed.');
	await expect(section).toContainText('No résumé yet.');
});

test('the résumé opens from the kit for the panel and the hiring manager, and for nobody else', async ({
	page,
	seed,
	browser,
	baseURL
}) => {
	const { recruiter, manager, panelist, openingId, candidate, loop } = await seedCandidateWithLoop(seed);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/openings/${openingId}`);
	await page.getByLabel('Description').fill('Owns the payments ledger.\nWorks with finance.');
	await page.getByRole('button', { name: 'Save opening' }).click();
	await expect(page.getByRole('status')).toHaveText('Opening saved.');
	await page.goto(`/candidates/${candidate.id}`);
	await upload(page, 'Ada "CV"\r\n<x>.pdf', 'application/pdf', pdfBytes('for the panel'));
	await expect(page.getByRole('status')).toHaveText('Résumé uploaded.');

	const as = async (user: SeededUser | null) => {
		const context = await browser.newContext({ baseURL });
		if (user) await seed.signIn(context, user);
		const userPage = await context.newPage();
		return { context, page: userPage };
	};

	// The panelist finds it one click from the kit, with the opening's description.
	const panel = await as(panelist);
	await panel.page.goto(`/interviews/${loop.scorecards[0]!.id}`);
	const link = panel.page.getByRole('link', { name: `Résumé of ${candidate.name} (PDF)` });
	await expect(link).toHaveAttribute('href', `/candidates/${candidate.id}/resume`);
	await panel.page.getByText(/About the opening/).click();
	await expect(panel.page.getByText('Owns the payments ledger.')).toBeVisible();
	await expectNoViolations(panel.page);
	const answer = await panel.page.request.get(`/candidates/${candidate.id}/resume`);
	expect(answer.status()).toBe(200);
	expect(answer.headers()['content-type']).toBe('application/pdf');
	expect(answer.headers()['content-disposition']).toBe('inline; filename="Ada CVx.pdf"');
	expect(answer.headers()['x-content-type-options']).toBe('nosniff');
	expect(answer.headers()['content-security-policy']).toBe('sandbox');
	expect((await answer.body()).toString()).toContain('for the panel');

	const hm = await as(manager);
	expect((await hm.page.request.get(`/candidates/${candidate.id}/resume`)).status()).toBe(200);

	const stranger = await as(await seed.user('interviewer'));
	const refused = await stranger.page.request.get(`/candidates/${candidate.id}/resume`);
	expect(refused.status()).toBe(404);
	expect((await refused.body()).toString()).not.toContain('for the panel');

	const anonymous = await as(null);
	const unsigned = await anonymous.page.request.get(`/candidates/${candidate.id}/resume`, {
		maxRedirects: 0
	});
	expect(unsigned.status()).toBe(303);
	expect(unsigned.headers()['location']).toMatch(/^\/login/);

	for (const { context } of [panel, hm, stranger, anonymous]) await context.close();
});

test('API v1: a script puts, reads and removes a résumé under the same rules', async ({ request, seed }) => {
	const { recruiter, panelist, candidate } = await seedCandidateWithLoop(seed);
	const contract = await ApiContract.load(request);
	const api = await clientFor(request, contract, seed, recruiter);
	const stranger = await clientFor(request, contract, seed, await seed.user('interviewer'));
	const path = '/candidates/{id}/resume';
	const params = { id: candidate.id };

	const notPdf = await api.call('PUT', path, {
		params,
		raw: { contentType: 'application/pdf', data: 'hello' }
	});
	expect(notPdf.status).toBe(415);
	expect(notPdf.body).toMatchObject({ error: 'The résumé must be a PDF file' });
	const refused = await stranger.call('PUT', path, {
		params,
		raw: { contentType: 'application/pdf', data: pdfBytes('mine') }
	});
	expect(refused.status).toBe(404);

	const put = await api.call('PUT', path, {
		params,
		raw: { contentType: 'application/pdf', data: pdfBytes('by the script') },
		headers: { 'x-file-name': 'ada.pdf' }
	});
	expect(put.status).toBe(200);
	expect(put.body).toMatchObject({ candidateId: String(candidate.id), fileName: 'ada.pdf' });

	const read = (token: string) =>
		request.get(`/api/v1/candidates/${candidate.id}/resume`, {
			headers: { authorization: `Bearer ${token}` }
		});
	const pdf = await read(await tokenFor(seed, panelist));
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).toString()).toContain('by the script');
	expect((await read(stranger.token!)).status()).toBe(404);

	expect((await api.call('DELETE', path, { params })).status).toBe(200);
	expect((await read(api.token!)).status()).toBe(404);
});
