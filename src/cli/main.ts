import { parseArgs } from 'node:util';
import { isMainThread, parentPort } from 'node:worker_threads';
import { boundedArgv, boundedCommands, heapLimitMb, runWithBoundedHeap } from './bounded-heap';

export const usage = `Usage: panelist <command> [options]

Commands:
  migrate                                  Apply pending database migrations
  create-user --email <email> --name <name> --role <admin|recruiter|interviewer> [--password <password>]
                                           Create a user. Without --password the password is read from
                                           stdin, or generated and printed when stdin is a terminal
  reset-password --email <email> [--password <password>]
                                           Set a new password (same sources as create-user) and end
                                           all of the user's sessions
  reset-two-factor --email <email>         Clear the user's two-factor sign-in (a lost phone and no
                                           recovery codes); they sign in with their password next
  create-token --email <email> [--name <name>]
                                           Create an API token for the user and print it once
  create-scim-token [--name <name>]        Create a SCIM token for an identity provider and print it once
  retention [--apply]                      List the candidates past the retention period (and those a
                                           legal hold keeps); with --apply, anonymise them
  backup <file>                            Copy the live database to <file>; safe while the server runs
  export <file> [--quiet]                  Write the whole organisation to a new JSON file, gzipped when
                                           its name ends in .gz (no passwords or other secrets;
                                           docs/export-format.md describes it)
  import <file> [--quiet]                  Load an export (.json or .json.gz) into an empty database;
                                           a file with any problem changes nothing, and every problem
                                           is listed. Both show their progress on stderr
  jobs [run-due]                           List the job queue (outbound mail, reminders, webhooks), newest
                                           first; with run-due, run every job due now once
  seed-demo                                Fill an empty database with the demo organisation
  generate --scorecards <n> [--seed <s>] [--until <yyyy-mm-dd>]
                                           Fill an empty database with a synthetic organisation:
                                           n scorecards over the three years before --until

Every command uses the database at DATABASE_PATH (default ./data/panelist.db).
Exit status: 0 done, 1 failed (the reason is printed), 2 bad arguments (usage is printed).`;

async function main(argv: string[]): Promise<number> {
	// Loaded here, not at the top: the thread that only hands export or import to a worker
	// need not load every feature module as well.
	const [{ commands }, { UsageError }] = await Promise.all([
		import('./commands'),
		import('./command-support')
	]);
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		console.log(usage);
		return name ? 0 : 2;
	}
	const command = commands[name];
	if (!command) {
		console.error(`panelist: unknown command "${name}"\n\n${usage}`);
		return 2;
	}
	try {
		const { values, positionals } = parseArgs({
			args: rest,
			options: command.options,
			allowPositionals: command.positionals + (command.optionalPositionals ?? 0) > 0,
			strict: true
		});
		const most = command.positionals + (command.optionalPositionals ?? 0);
		if (positionals.length < command.positionals || positionals.length > most) {
			throw new UsageError(`${name} takes ${command.positionals} argument(s), got ${positionals.length}`);
		}
		await command.run(values as Record<string, string | undefined>, positionals);
		return 0;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (error instanceof UsageError || isParseArgsError(error)) {
			console.error(`panelist ${name}: ${message}\n\n${usage}`);
			return 2;
		}
		console.error(`panelist ${name}: ${message.split('\n')[0]}`);
		return 1;
	}
}

function isParseArgsError(error: unknown): boolean {
	const code = (error as { code?: string } | null)?.code;
	return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Export and import run in a worker with a bounded heap (bounded-heap.ts); the rest here. */
async function start(argv: string[]): Promise<number> {
	if (!boundedCommands.has(argv[0] ?? '')) return main(argv);
	let heapMb: number;
	try {
		heapMb = heapLimitMb();
	} catch (error) {
		console.error(`panelist ${argv[0]}: ${(error as Error).message}`);
		return 2;
	}
	const createsFile = argv[0] === 'export' ? argv.slice(1).find((a) => !a.startsWith('-')) : undefined;
	return runWithBoundedHeap({
		entry: new URL('../../scripts/panelist.js', import.meta.url),
		argv,
		heapMb,
		createsFile
	});
}

const inWorker = boundedArgv();
if (isMainThread) process.exitCode = await start(process.argv.slice(2));
else if (inWorker) parentPort!.postMessage({ exitCode: await main(inWorker) });
