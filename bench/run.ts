import os from 'node:os';
import { openDatabase } from '../src/lib/server/platform/db';
import { autosaveResults, loadAutosave, refreshVersions, startBaseline } from './autosave';
import { measureFirstLoadJs, startDemoSite } from './first-load-js';
import { lighthouseScores } from './lighthouse';
import { calibrationFigures, comparisonFigures, resultsFigures, timeResults } from './pages';
import { report, type BenchResult } from './results';
import { transferFigures } from './transfer';
import { benchAdmin, benchInterviewer, finishedLoop, prepareBenchData } from './setup';
import { copyToPostgres, dropPostgres } from './postgres-copy';
import { copyDatabase, generatedDatabase, peakMemoryMb, sessionCookie, startServer } from './support';

// `npm run bench`: every measurement against the built server, printed as a table and
// written to bench/results.json. `--smoke` runs each briefly on a thousand scorecards, to
// show the scripts work (CI); its timings mean nothing. A missed budget fails a full run.
// `--engine postgres` serves the same organisations from PostgreSQL (copied from the generated
// SQLite files into fresh databases, see postgres-copy.ts), the baseline through pg.

const smoke = process.argv.includes('--smoke');
const largeSize = smoke ? 1000 : 1_000_000;
const largeLabel = `${largeSize.toLocaleString('en')} scorecards`;
const runs = smoke ? 3 : 30;
const loadSeconds = smoke ? 2 : 20;
const step = (what: string) => console.log(`· ${what}`);
const engineArg = process.argv.indexOf('--engine');
const engine = engineArg === -1 ? 'sqlite' : process.argv[engineArg + 1];
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine is sqlite or postgres');
const runName = `panelist_bench_${Date.now().toString(36)}`;

const results: BenchResult[] = [];

step(`organisations of 1,000 and ${largeLabel}`);
const smallSqlite = await generatedDatabase(1000);
const largeSqlite = await generatedDatabase(largeSize);
step('bench data: 50 scorecards in progress, an opening with 50 finished loops');
const data = await prepareBenchData(largeSqlite);
const baselineSqlite = copyDatabase(largeSqlite);
if (engine === 'postgres') step('copying the organisations into PostgreSQL');
const onEngine = (file: string, name: string) =>
	engine === 'postgres' ? copyToPostgres(file, `${runName}_${name}`) : Promise.resolve(file);
const smallFile = await onEngine(smallSqlite, 'small');
const largeFile = await onEngine(largeSqlite, 'large');
const baselineFile = await onEngine(baselineSqlite, 'baseline');

step('autosave: node:http baseline');
const baseline = await startBaseline(baselineFile, 4330);
const baselineLoad = await loadAutosave(
	'http://127.0.0.1:4330',
	data.autosaveCards.map((c) => ({ ...c })),
	null,
	loadSeconds
);
baseline.kill();

const large = await startServer(largeFile, 4320);
try {
	const base = 'http://localhost:4320';
	const interviewer = await sessionCookie(largeFile, benchInterviewer);
	const admin = await sessionCookie(largeFile, benchAdmin);
	step('autosave: Panelist');
	// A short warm-up, then the measured run.
	await loadAutosave(base, data.autosaveCards, interviewer, 1);
	await refreshVersions(base, interviewer, data.autosaveCards);
	const ours = await loadAutosave(base, data.autosaveCards, interviewer, loadSeconds);
	results.push(...autosaveResults(ours, baselineLoad, largeLabel, engine === 'postgres' ? 0.5 : 0.4));
	const peak = peakMemoryMb(large.pid!);
	if (peak !== null) {
		results.push({
			name: 'server peak memory (resident) under the autosave load',
			value: peak,
			unit: 'MB',
			budget: { max: 300 }
		});
	}

	step('loop results, 1,000 scorecards');
	const small = await startServer(smallFile, 4321);
	const smallTimings = await (async () => {
		try {
			return await timeResults(
				'http://localhost:4321',
				await sessionCookie(smallFile, benchAdmin),
				await finishedLoop(smallFile),
				runs
			);
		} finally {
			small.kill();
		}
	})();
	step(`loop results, ${largeLabel}`);
	const largeTimings = await timeResults(base, admin, data.resultsLoopId, runs);
	results.push(...resultsFigures(smallTimings, largeTimings, largeLabel));

	step('comparison');
	results.push(...(await comparisonFigures(base, admin, data.comparisonOpeningId, runs, largeLabel)));

	step('calibration');
	const manager = await managerOf(largeFile);
	results.push(
		...(await calibrationFigures(
			base,
			admin,
			{ cookie: await sessionCookie(largeFile, manager.email), openingId: manager.openingId },
			runs,
			largeLabel
		))
	);
} finally {
	large.kill();
	if (engine === 'postgres') {
		await new Promise((resolve) => setTimeout(resolve, 500));
		// A database left behind must not cost the measurements taken: it is named to drop by hand.
		for (const name of ['small', 'large', 'baseline']) {
			await dropPostgres(`${runName}_${name}`).catch((error: Error) =>
				console.warn(`Could not drop ${runName}_${name} (${error.message}): drop it by hand.`)
			);
		}
	}
}

step(`export and import, ${largeLabel}`);
results.push(...(await transferFigures(largeSqlite, largeLabel, engine)));

step('first-load JavaScript and Lighthouse, on the demo organisation');
const site = await startDemoSite();
try {
	for (const js of await measureFirstLoadJs(site)) {
		results.push({
			name: `first-load JavaScript, ${js.page} (gzip)`,
			value: js.gzipBytes / 1024,
			unit: 'KB',
			...(js.page.startsWith('scorecard') ? { budget: { max: 80 } } : {})
		});
	}
	for (const score of await lighthouseScores(site)) {
		results.push(
			{
				name: `Lighthouse performance, ${score.page}`,
				value: score.performance,
				unit: 'score',
				budget: { min: 95 }
			},
			{
				name: `Lighthouse accessibility, ${score.page}`,
				value: score.accessibility,
				unit: 'score',
				budget: { min: 100 }
			}
		);
	}
} finally {
	site.stop();
}

const missed = report(results, {
	date: new Date().toISOString(),
	smoke,
	engine,
	machine: {
		cpus: os.cpus().length,
		cpu: os.cpus()[0]?.model,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version
	}
});
if (missed && !smoke) {
	console.log(`\n${missed} budget(s) missed.`);
	process.exitCode = 1;
}

async function managerOf(file: string) {
	const db = openDatabase(file);
	try {
		return await db
			.selectFrom('openingHiringManager as m')
			.innerJoin('user', 'user.id', 'm.userId')
			.select(['user.email', 'm.openingId'])
			.where('user.email', 'like', 'interviewer%')
			.orderBy('m.openingId')
			.executeTakeFirstOrThrow();
	} finally {
		await db.destroy();
	}
}
