import os from 'node:os';
import { benchCalibration } from './calibration';
import { report, type BenchResult } from './results';

// `npm run bench`: every measurement against the built server, printed as a table and
// written to bench/results.json. `--smoke` runs each once on a thousand scorecards, to show
// the scripts work (CI); its timings mean nothing.

const smoke = process.argv.includes('--smoke');
const large = smoke ? 1000 : 1_000_000;
const runs = smoke ? 2 : 30;

const results: BenchResult[] = [];
results.push(...(await benchCalibration(large, runs)));

const missed = report(results, {
	date: new Date().toISOString(),
	smoke,
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
