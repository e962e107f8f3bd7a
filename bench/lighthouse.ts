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
			const result = await lighthouse(
				`${site.base}${target.path}`,
				{
					port: chrome.port,
					logLevel: 'error',
					output: 'json',
					onlyCategories: ['performance', 'accessibility'],
					extraHeaders: { Cookie: await site.cookie(target.as) }
				},
				desktopConfig
			);
			if (!result) throw new Error(`Lighthouse gave no result for ${target.name}`);
			const { performance, accessibility } = result.lhr.categories;
			scores.push({
				page: target.name,
				performance: Math.round((performance?.score ?? 0) * 100),
				accessibility: Math.round((accessibility?.score ?? 0) * 100)
			});
		}
	} finally {
		chrome.kill();
	}
	return scores;
}
