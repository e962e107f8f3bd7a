import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createSession } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db';
import { seedDemo } from '../src/lib/server/demo';
import { prepareDatabase } from '../src/lib/server/prepare';
import { chromiumLaunchOptions, startServer, tempDir } from './support';

/**
 * First-load JavaScript of a page: every script the browser fetches to show it, each
 * gzipped (as a server with compression would send it), summed. Run after `npm run build`.
 */
export async function measureFirstLoadJs(
	pages: { name: string; path: (ids: DemoIds) => string; as: string }[]
) {
	const dir = tempDir('panelist-js-');
	const file = path.join(dir, 'bench.db');
	const db = openDatabase(file);
	await prepareDatabase(db);
	await seedDemo(db);
	const ids = await demoIds(db);
	const port = 4310;
	const server = await startServer(file, port);
	const browser = await chromium.launch(chromiumLaunchOptions());
	const results: { page: string; scripts: number; gzipBytes: number }[] = [];
	try {
		for (const target of pages) {
			const user = await db
				.selectFrom('user')
				.select('id')
				.where('email', '=', target.as)
				.executeTakeFirstOrThrow();
			const { token } = await createSession(db, user.id);
			const context = await browser.newContext();
			await context.addCookies([{ name: 'panelist-session', value: token, domain: 'localhost', path: '/' }]);
			const page = await context.newPage();
			const bodies: Promise<Buffer>[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() === 'script') bodies.push(response.body());
			});
			await page.goto(`http://localhost:${port}${target.path(ids)}`, { waitUntil: 'networkidle' });
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
		server.kill();
		await db.destroy();
	}
	return results;
}

export interface DemoIds {
	draftScorecard: number;
	decidedLoop: number;
	comparisonOpening: number;
}

async function demoIds(db: ReturnType<typeof openDatabase>): Promise<DemoIds> {
	const draft = await db
		.selectFrom('scorecard')
		.innerJoin('user', 'user.id', 'scorecard.interviewerId')
		.select('scorecard.id')
		.where('user.email', '=', 'priya@example.com')
		.where('scorecard.status', '!=', 'submitted')
		.executeTakeFirstOrThrow();
	const loop = await db
		.selectFrom('loop')
		.select(['id', 'openingId'])
		.orderBy('id')
		.executeTakeFirstOrThrow();
	return { draftScorecard: draft.id, decidedLoop: loop.id, comparisonOpening: loop.openingId };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const results = await measureFirstLoadJs([
		{
			name: 'scorecard (interview kit)',
			path: (ids) => `/interviews/${ids.draftScorecard}`,
			as: 'priya@example.com'
		}
	]);
	for (const r of results)
		console.log(`${r.page}: ${r.scripts} scripts, ${(r.gzipBytes / 1024).toFixed(1)} KB gzip`);
}
