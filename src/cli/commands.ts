import fs from 'node:fs';
import { z } from 'zod';
import { databaseLocation, databasePath, resumeSettings } from '../lib/server/platform/runtime';
import { backUpDatabase } from '../lib/server/platform/backup';
import { openDatabase } from '../lib/server/platform/db';
import { isPostgresUrl } from '../lib/server/platform/engine/postgres';
import { generatedPassword } from './synthetic/generate';
import { generateIntoSqlite, generateThroughSqlite } from './synthetic/generate-into';
import { prepareDatabase } from '../lib/server/platform/prepare-database';
import { demoPassword, seedDemo } from './demo';
import { exportToFile } from '../lib/server/transfer/export';
import { ImportRefusedError, importFromFile } from '../lib/server/transfer/import';
import { problemsInFull } from '../lib/server/transfer/problems';
import { createProgress } from './progress';
import { applyRetention, previewRetention } from '../lib/server/hiring/retention';
import { printJobs, runDueJobsOnce } from './jobs';
import { accountCommands } from './account-commands';
import {
	databaseName,
	parseOptions,
	sqliteFileFor,
	UsageError,
	withDatabase,
	type Command
} from './command-support';

export const commands: Record<string, Command> = {
	migrate: {
		options: {},
		positionals: 0,
		run: async () => {
			const db = openDatabase(databaseLocation());
			try {
				const applied = await prepareDatabase(db);
				console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
			} finally {
				await db.destroy();
			}
		}
	},

	...accountCommands,

	// A dry run unless --apply: which candidates retention anonymises now, and which a legal
	// hold keeps (decision 024).
	retention: {
		options: { apply: { type: 'boolean' } },
		positionals: 0,
		run: async (values) => {
			await withDatabase(async (db) => {
				const now = Date.now();
				const { due, held } = await previewRetention(db, now);
				for (const c of held) console.log(`Kept by a legal hold: candidate ${c.id} (${c.legalHold})`);
				if (!values.apply) {
					for (const c of due)
						console.log(`Due: candidate ${c.id}, since ${new Date(c.dueAt).toISOString()}`);
					console.log(
						`${due.length} candidate(s) due for anonymisation. Nothing changed: add --apply to anonymise them.`
					);
					return;
				}
				const { anonymised } = await applyRetention(db, now);
				console.log(
					`Anonymised ${anonymised.length} candidate(s)${anonymised.length ? `: ${anonymised.join(', ')}` : ''}.`
				);
			});
		}
	},

	backup: {
		options: {},
		positionals: 1,
		run: async (_values, [target]) => {
			const source = sqliteFileFor(
				'backup',
				"On PostgreSQL, back up with pg_dump, or your provider's point-in-time recovery."
			);
			if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
			const bytes = backUpDatabase(source, target!);
			const size = `${(bytes / 1e6).toFixed(1)} MB`;
			console.log(`Backed up ${source} to ${target} (${size}, integrity checked).`);
		}
	},

	export: {
		options: { quiet: { type: 'boolean' } },
		positionals: 1,
		run: async (values, [target]) => {
			const source = databaseLocation();
			if (!isPostgresUrl(source) && !fs.existsSync(source)) throw new Error(`no database at ${source}`);
			if (fs.existsSync(target!)) throw new Error(`${target} already exists; choose a new file name`);
			const progress = createProgress('export', { quiet: Boolean(values.quiet) });
			await withDatabase(async (db) => {
				const s = await exportToFile(db, target!, Date.now(), {
					onProgress: progress.update,
					resumeStore: resumeSettings().store
				}).finally(progress.end);
				console.log(
					`Exported ${s.users} users, ${s.loops} loops with ${s.scorecards} scorecards and ${s.auditEvents} audit events to ${target}.`
				);
			});
		}
	},

	import: {
		options: { quiet: { type: 'boolean' } },
		positionals: 1,
		run: async (values, [source]) => {
			// Checked before the database is opened, which would create it.
			if (!fs.existsSync(source!)) throw new Error(`no file at ${source}`);
			const progress = createProgress('import', { quiet: Boolean(values.quiet) });
			await withDatabase(async (db) => {
				const s = await importFromFile(db, source!, {
					onProgress: progress.update,
					resumeStore: resumeSettings().store
				})
					.finally(progress.end)
					.catch((error: unknown) => {
						if (error instanceof ImportRefusedError) printProblems(source!, error);
						throw error;
					});
				console.log(
					`Imported ${s.users} users, ${s.loops} loops with ${s.scorecards} scorecards and ${s.auditEvents} audit events into ${databaseName()}.`
				);
				console.log(
					'Nobody can sign in yet: give each person a password with `panelist reset-password --email …`' +
						(s.adminEmails.length ? `, starting with an admin (${s.adminEmails.join(', ')}).` : '.')
				);
			});
		}
	},

	generate: {
		options: { scorecards: { type: 'string' }, seed: { type: 'string' }, until: { type: 'string' } },
		positionals: 0,
		run: async (values) => {
			const input = parseOptions(
				z.object({
					scorecards: z.coerce
						.number({ error: 'Give the number of scorecards, like 100000' })
						.int('Give a whole number')
						.min(10, 'Generate at least 10 scorecards')
						.max(20_000_000, 'At most 20 million scorecards'),
					seed: z.coerce.number().int('Give a whole number').default(1),
					until: z
						.string()
						.regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date like 2026-11-01')
						.default('2026-11-01')
				}),
				values
			);
			const started = performance.now();
			const options = {
				scorecards: input.scorecards,
				seed: input.seed,
				until: Date.parse(`${input.until}T00:00:00Z`),
				onProgress: (done: number, total: number) => progress(done, total, started)
			};
			const stages = createProgress('generate');
			const summary = isPostgresUrl(databaseLocation())
				? await withDatabase((db) =>
						generateThroughSqlite(db, {
							...options,
							onStage: (p) => {
								if (p.stage === 'library and people') process.stderr.write('\n');
								stages.update(p);
							}
						})
					).finally(stages.end)
				: await generateIntoSqlite(databasePath(), options);
			const seconds = (performance.now() - started) / 1000;
			process.stderr.write('\n');
			console.log(
				`Generated ${summary.scorecards.toLocaleString('en')} scorecards (${summary.ratings.toLocaleString('en')} ratings) in ${summary.loops.toLocaleString('en')} loops, ` +
					`${summary.openings} openings and ${summary.users.toLocaleString('en')} users in ${seconds.toFixed(1)} s ` +
					`(${Math.round(summary.scorecards / seconds).toLocaleString('en')} scorecards/s). Everyone signs in with ${generatedPassword}.`
			);
		}
	},

	jobs: {
		options: {},
		positionals: 0,
		optionalPositionals: 1,
		run: async (_values, [action]) => {
			if (action !== undefined && action !== 'run-due')
				throw new UsageError(`jobs takes no argument or run-due, not "${action}"`);
			await withDatabase((db) => (action === 'run-due' ? runDueJobsOnce(db) : printJobs(db)));
		}
	},

	'seed-demo': {
		options: {},
		positionals: 0,
		run: async () => {
			await withDatabase(async (db) => {
				const logins = await seedDemo(db);
				console.log(
					`Demo organisation created in ${databaseName()}. Every demo user signs in with the password ${demoPassword}`
				);
				for (const login of logins)
					console.log(`  ${login.note.padEnd(15)} ${login.email.padEnd(24)} ${login.name}`);
			});
		}
	}
};

/** The first thousand problems in full, then how many more of each kind. */
function printProblems(source: string, error: ImportRefusedError): void {
	for (const problem of error.problems) console.error(`${source}: ${problem.path}: ${problem.message}`);
	if (!error.more.size) return;
	console.error(`${source}: past the first ${problemsInFull} problems, by kind:`);
	for (const [kind, count] of [...error.more].sort((a, b) => b[1] - a[1]))
		console.error(`${source}: ${count.toLocaleString('en')} × ${kind}`);
}

/** A progress bar on stderr, redrawn in place. */
function progress(done: number, total: number, started: number): void {
	if (!process.stderr.isTTY && done < total) return;
	const width = 30;
	const filled = Math.round((done / total) * width);
	const rate = Math.round(done / ((performance.now() - started) / 1000));
	process.stderr.write(
		`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.floor((done / total) * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} scorecards, ${rate.toLocaleString('en')}/s `
	);
}
