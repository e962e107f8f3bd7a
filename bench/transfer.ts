import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropPostgres, freshPostgres } from './postgres-copy';
import { report, type BenchResult } from './results';
import { sameFigures } from './transfer-figures';
import { generatedDatabase, tempDir } from './support';

// Export and import of a whole organisation (issue 20), each as an operator runs it: the
// `panelist` CLI in its own process, timed from start to exit, its peak resident memory
// reported by the process itself (bench/peak-memory.mjs). The file is imported into a new
// database (SQLite, or with `--engine postgres` a fresh PostgreSQL database), exported again
// and compared byte for byte but for its `exportedAt` line. `npm run bench` runs it on the
// million-scorecard organisation; `npm run bench:transfer` runs only this.

interface Run {
	seconds: number;
	peakMb: number;
}

/** Runs a CLI command against `database`, failing loudly if it fails. */
function runCli(database: string, args: string[]): Run {
	const peakFile = path.join(tempDir('panelist-peak-'), 'peak');
	const started = process.hrtime.bigint();
	const run = spawnSync(
		process.execPath,
		['--import', './bench/peak-memory.mjs', 'scripts/panelist.js', ...args, '--quiet'],
		{
			env: {
				...process.env,
				...(/^postgres(ql)?:/.test(database) ? { DATABASE_URL: database } : { DATABASE_PATH: database }),
				BENCH_PEAK_FILE: peakFile
			},
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (run.status !== 0) throw new Error(`panelist ${args[0]} failed`);
	return { seconds, peakMb: Number(fs.readFileSync(peakFile, 'utf8')) / 1024 };
}

/**
 * Whether two exports hold the same bytes but for their `exportedAt` (a fixed-length time
 * near the start), read a piece at a time: a million scorecards make files over 2 GB.
 */
function sameExport(a: string, b: string): boolean {
	if (fs.statSync(a).size !== fs.statSync(b).size) return false;
	const [fa, fb] = [fs.openSync(a, 'r'), fs.openSync(b, 'r')];
	try {
		const [ba, bb] = [Buffer.alloc(1 << 22), Buffer.alloc(1 << 22)];
		for (let position = 0, first = true; ; position += ba.length, first = false) {
			const read = fs.readSync(fa, ba, 0, ba.length, position);
			if (fs.readSync(fb, bb, 0, bb.length, position) !== read) return false;
			if (!read) return true;
			const [pa, pb] = [ba.subarray(0, read), bb.subarray(0, read)];
			const when = /"exportedAt": "[^"]*"/;
			if (first) {
				const [ta, tb] = [pa.toString('latin1'), pb.toString('latin1')];
				if (ta.replace(when, '') !== tb.replace(when, '')) return false;
			} else if (!pa.equals(pb)) return false;
		}
	} finally {
		fs.closeSync(fa);
		fs.closeSync(fb);
	}
}

/** Exports `source` (a SQLite file), imports the export into a new database and exports that. */
export async function transferFigures(
	source: string,
	label: string,
	engine: 'sqlite' | 'postgres'
): Promise<BenchResult[]> {
	const dir = tempDir('panelist-transfer-');
	const first = path.join(dir, 'first.json');
	const second = path.join(dir, 'second.json');
	const pgName = `panelist_bench_import_${Date.now().toString(36)}`;
	const target = engine === 'postgres' ? await freshPostgres(pgName) : path.join(dir, 'imported.db');
	try {
		const exported = runCli(source, ['export', first]);
		const imported = runCli(target, ['import', first]);
		const reexported = runCli(target, ['export', second]);
		const identical = sameExport(first, second);
		const figuresKept = await sameFigures(source, target);
		const onEngine = engine === 'postgres' ? ' into PostgreSQL' : '';
		return [
			{ name: `export, ${label}: time`, value: exported.seconds, unit: 's', budget: { max: 120 } },
			{
				name: `export, ${label}: peak memory (resident)`,
				value: exported.peakMb,
				unit: 'MB',
				budget: { max: 500 }
			},
			{ name: `import${onEngine}, ${label}: time`, value: imported.seconds, unit: 's', budget: { max: 300 } },
			{
				name: `import${onEngine}, ${label}: peak memory (resident)`,
				value: imported.peakMb,
				unit: 'MB',
				budget: { max: 500 }
			},
			// From PostgreSQL the export reads another engine: it has the same budgets.
			...(engine === 'postgres'
				? ([
						{
							name: `export from PostgreSQL, ${label}: time`,
							value: reexported.seconds,
							unit: 's',
							budget: { max: 120 }
						},
						{
							name: `export from PostgreSQL, ${label}: peak memory (resident)`,
							value: reexported.peakMb,
							unit: 'MB',
							budget: { max: 500 }
						}
					] satisfies BenchResult[])
				: []),
			{ name: `export file size, ${label}`, value: fs.statSync(first).size / 1e6, unit: 'MB' },
			{
				name: `export → import${onEngine} → export gives the same file, ${label}`,
				value: identical ? 1 : 0,
				unit: 'yes',
				budget: { min: 1 }
			},
			{
				name: `results, comparisons and calibration the same after import${onEngine}, ${label}`,
				value: figuresKept ? 1 : 0,
				unit: 'yes',
				budget: { min: 1 }
			}
		];
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
		if (engine === 'postgres') await dropPostgres(pgName);
	}
}

// Run on its own: `npm run bench:transfer [-- --smoke] [-- --engine postgres]`.
if (process.argv[1]?.endsWith(path.join('bench', 'transfer.ts'))) {
	const smoke = process.argv.includes('--smoke');
	const size = smoke ? 1000 : 1_000_000;
	const engine = process.argv.includes('postgres') ? 'postgres' : 'sqlite';
	console.log(`· organisation of ${size.toLocaleString('en')} scorecards`);
	const source = await generatedDatabase(size);
	console.log('· export, import, export');
	const results = await transferFigures(source, `${size.toLocaleString('en')} scorecards`, engine);
	const missed = report(
		results,
		{
			date: new Date().toISOString(),
			smoke,
			engine,
			machine: { cpus: os.cpus().length, loadAverage: os.loadavg(), node: process.version }
		},
		'bench/transfer-results.json'
	);
	if (missed && !smoke) process.exitCode = 1;
}
