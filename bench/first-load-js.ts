import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { openDatabase } from '../src/lib/server/platform/db';
import { seedDemo } from '../src/cli/demo';
import { prepareDatabase } from '../src/lib/server/platform/prepare-database';
import { chromiumLaunchOptions, sessionCookie, startServer, tempDir } from './support';

// The demo organisation on its own server: what the browser-side measurements (first-load
// JavaScript, Lighthouse) look at.

export interface DemoPage {
	name: string;
	path: string;
	/** Who looks at it (an email of the demo organisation). */
	as: string;
}

export interface DemoSite {
	base: string;
	pages: DemoPage[];
	cookie: (email: string) => Promise<string>;
	stop: () => void;
}

export async function startDemoSite(port = 4310): Promise<DemoSite> {
	const file = path.join(tempDir('panelist-demo-bench-'), 'demo.db');
	const db = openDatabase(file);
	await prepareDatabase(db);
	await seedDemo(db);
	const draft = await db
		.selectFrom('scorecard')
		.innerJoin('user', 'user.id', 'scorecard.interviewerId')
		.select('scorecard.id')
		.where('user.email', '=', 'priya@example.com')
		.where('scorecard.status', '!=', 'submitted')
		.executeTakeFirstOrThrow();
	const decided = await db
		.selectFrom('loop')
		.select(['id', 'openingId'])
		.orderBy('id')
		.executeTakeFirstOrThrow();
	await db.destroy();
	const server = await startServer(file, port);
	return {
		base: `http://localhost:${port}`,
		pages: [
			{ name: 'scorecard (interview kit)', path: `/interviews/${draft.id}`, as: 'priya@example.com' },
			{ name: 'loop results', path: `/loops/${decided.id}/results`, as: 'manager@example.com' },
			{ name: 'comparison', path: `/openings/${decided.openingId}/comparison`, as: 'manager@example.com' }
		],
		cookie: (email) => sessionCookie(file, email),
		stop: () => server.kill()
	};
}

/**
 * First-load JavaScript of each page: every script the browser fetches to show it, each
 * gzipped (as a server with compression would send it), summed.
 */
export async function measureFirstLoadJs(site: DemoSite) {
	const browser = await chromium.launch(chromiumLaunchOptions());
	const results: { page: string; scripts: number; gzipBytes: number }[] = [];
	try {
		for (const target of site.pages) {
			const [name, value] = (await site.cookie(target.as)).split('=') as [string, string];
			const context = await browser.newContext();
			await context.addCookies([{ name, value, domain: 'localhost', path: '/' }]);
			const page = await context.newPage();
			const bodies: Promise<Buffer>[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() === 'script') bodies.push(response.body());
			});
			await page.goto(`${site.base}${target.path}`, { waitUntil: 'networkidle' });
			const scripts = await Promise.all(bodies);
			results.push({
				page: target.name,
				scripts: scripts.length,
				gzipBytes: scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0)
			});
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return results;
}
