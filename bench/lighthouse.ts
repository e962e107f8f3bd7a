import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { DemoSite } from './first-load-js';
import { chromiumLaunchOptions } from './support';

// Lighthouse (the npm package) on the pages people work in, driving the same Chromium as
// the browser tests. Desktop settings: interviewers and hiring managers use laptops.

export async function lighthouseScores(site: DemoSite) {
	const launch = chromiumLaunchOptions();
	const chrome = await chromeLauncher.launch({
		chromePath: 'executablePath' in launch ? launch.executablePath : undefined,
		chromeFlags: 'args' in launch ? launch.args : ['--headless', '--no-sandbox']
	});
	const scores: { page: string; performance: number; accessibility: number }[] = [];
	try {
		for (const target of site.pages) {
			const { performance, accessibility } = await scoresOf(
				`${site.base}${target.path}`,
				chrome.port,
				await site.cookie(target.as)
			);
			scores.push({ page: target.name, performance, accessibility });
		}
	} finally {
		chrome.kill();
	}
	return scores;
}

/**
 * One page's scores. Now and then a metric errors out (Lighthouse then gives no performance
 * score at all); such a run is said why and repeated, up to three times.
 */
async function scoresOf(url: string, port: number, cookie: string) {
	for (let attempt = 1; ; attempt++) {
		const result = await lighthouse(
			url,
			{
				port,
				logLevel: 'error',
				output: 'json',
				onlyCategories: ['performance', 'accessibility'],
				extraHeaders: { Cookie: cookie }
			},
			desktopConfig
		);
		if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
		const { lhr } = result;
		const { performance, accessibility } = lhr.categories;
		if (performance?.score != null && performance.score < 0.95) {
			const metrics = [
				'first-contentful-paint',
				'largest-contentful-paint',
				'total-blocking-time',
				'cumulative-layout-shift',
				'speed-index'
			];
			console.log(`  ${url}: ${metrics.map((id) => `${id} ${lhr.audits[id]?.displayValue}`).join(', ')}`);
		}
		if (performance?.score != null || attempt === 3) {
			return {
				performance: Math.round((performance?.score ?? 0) * 100),
				accessibility: Math.round((accessibility?.score ?? 0) * 100)
			};
		}
		const errors = Object.values(lhr.audits)
			.filter((audit) => audit.errorMessage)
			.map((audit) => `${audit.id}: ${audit.errorMessage}`);
		console.log(
			`  Lighthouse gave ${url} no performance score (${lhr.runtimeError?.message ?? errors.join('; ')}); again`
		);
	}
}
