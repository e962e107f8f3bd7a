import type SQLite from 'better-sqlite3';
import { day } from '../../lib/domain/time';
import { hashPassword } from '../../lib/server/auth/password';
import type { DB } from '../../lib/server/platform/db';
import { ConflictError } from '../../lib/server/platform/errors';
import { hasAnyUser } from '../../lib/server/accounts/users';
import { multiRowInserter, startBulkLoad } from './bulk-load';
import { createLoopWriter } from './loop-writer';
import { planLoop, type LoopPlan, type Person } from './loop-plan';
import { competencyMonthColumns, createMonthTotals, interviewerMonthColumns } from './month-totals';
import { personName, teams } from './names';
import { createRandom } from './random';
import { readTemplateShapes } from './template-shapes';

// A large company's hiring history, made up but shaped like the real thing, for benchmarks
// and demos at scale. It writes with prepared statements in big transactions (the feature
// functions would take hours for a million scorecards) and fills the same derived columns
// the app keeps (completeness, leniency deviations, rating units), so every page sees
// exactly what it would after real use. Same seed and size, same database.

export interface GenerateOptions {
	scorecards: number;
	seed: number;
	/** The newest interviews happen just before this; history reaches three years back. */
	until: number;
	onProgress?: (done: number, total: number) => void;
}

export interface GenerateSummary {
	users: number;
	openings: number;
	loops: number;
	scorecards: number;
	ratings: number;
}

export const generatedPassword = 'generated-org-password';

export async function generateOrganisation(
	db: DB,
	sqlite: SQLite.Database,
	options: GenerateOptions
): Promise<GenerateSummary> {
	if (await hasAnyUser(db)) throw new ConflictError('generate needs an empty database (this one has users)');
	const random = createRandom(options.seed);
	const shapes = await readTemplateShapes(db);
	const passwordHash = await hashPassword(generatedPassword);
	const target = options.scorecards;
	const span = 3 * 365 * day;
	const start = options.until - span;

	const insertUser = sqlite.prepare(
		'insert into "user" (email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)'
	);
	const interviewerCount = Math.max(20, Math.round(target / 300));
	const people: Person[] = [];
	sqlite.transaction(() => {
		insertUser.run('admin@generated.example', 'Generated Admin', 'admin', passwordHash, start, start);
		for (let i = 1; i <= 5; i++) {
			insertUser.run(
				`recruiter${i}@generated.example`,
				`${personName(random)} (recruiter)`,
				'recruiter',
				passwordHash,
				start,
				start
			);
		}
		for (let i = 1; i <= interviewerCount; i++) {
			const { lastInsertRowid } = insertUser.run(
				`interviewer${i}@generated.example`,
				personName(random),
				'interviewer',
				passwordHash,
				start,
				start
			);
			people.push({
				id: Number(lastInsertRowid),
				leniency: Math.max(-0.9, Math.min(0.9, random.normal(0, 0.35))),
				lateness: random.next() < 0.15 ? 0.4 : 0.05,
				skipRate: random.next() * 0.08
			});
		}
	})();

	const openingCount = Math.max(3, Math.round(target / 3000));
	const insertOpening = sqlite.prepare(
		'insert into opening (title, team, level, template_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)'
	);
	const insertManager = sqlite.prepare(
		'insert into opening_hiring_manager (opening_id, user_id) values (?, ?)'
	);
	const openings: LoopPlan['opening'][] = [];
	sqlite.transaction(() => {
		for (let i = 0; i < openingCount; i++) {
			const shape = random.next() < 0.7 ? shapes[0]! : (shapes[1] ?? shapes[0]!);
			const team = random.pick(teams);
			const title = `${shape.name}, ${team} #${i + 1}`;
			const { lastInsertRowid } = insertOpening.run(
				title,
				team,
				random.pick(['Mid', 'Senior', 'Staff', 'Manager']),
				shape.id,
				random.next() < 0.8 ? 'open' : 'closed',
				start,
				start
			);
			const id = Number(lastInsertRowid);
			const managers = new Set([random.pick(people).id, random.pick(people).id]);
			for (const manager of managers) insertManager.run(id, manager);
			openings.push({ id, shape });
		}
	})();

	const finishBulkLoad = startBulkLoad(sqlite);
	const months = createMonthTotals();
	const writeLoop = createLoopWriter(sqlite, months);
	let scorecards = 0;
	let ratings = 0;
	let loops = 0;
	const batch = sqlite.transaction((count: number) => {
		for (let b = 0; b < count && scorecards < target; b++) {
			const plan = planLoop(random, {
				openings,
				people,
				start,
				span,
				progress: scorecards / target,
				until: options.until
			});
			const written = writeLoop(plan, loops + 1);
			scorecards += written.scorecards;
			ratings += written.ratings;
			loops += 1;
		}
	});

	while (scorecards < target) {
		batch(500);
		options.onProgress?.(Math.min(scorecards, target), target);
	}
	const insertMonths = (table: string, columns: string[], rows: unknown[][]) => {
		const insert = multiRowInserter(sqlite, `insert into ${table} (${columns.join(', ')})`, columns.length);
		for (let i = 0; i < rows.length; i += 500) insert(rows.slice(i, i + 500));
	};
	sqlite.transaction(() => {
		insertMonths('calibration_interviewer_month', interviewerMonthColumns, months.interviewerRows());
		insertMonths('calibration_competency_month', competencyMonthColumns, months.competencyRows());
	})();
	finishBulkLoad();
	// The aggregates are built already: no start-up rebuild needed.
	const built = sqlite.prepare('insert or replace into meta (key, value) values (?, ?)');
	built.run('calibration_aggregates_built_at', String(options.until));
	built.run('calibration_months_built_at', String(options.until));
	sqlite.pragma('optimize');
	return { users: interviewerCount + 6, openings: openingCount, loops, scorecards, ratings };
}
