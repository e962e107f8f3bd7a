import type { DB } from './db';
import type { Role } from '../domain/roles';
import { day, hour } from '../domain/time';
import type { AuthUser } from './auth/session';
import { insertCandidate } from './candidates';
import { ConflictError } from './errors';
import { createLoop } from './loops';
import { insertOpening } from './openings';
import { cancelLoop } from './panel';
import { createUser, hasAnyUser } from './users';

export const demoPassword = 'panelist-demo-2026';

export interface DemoLogin {
	name: string;
	email: string;
	role: Role;
	note: string;
}

const people: DemoLogin[] = [
	{ name: 'Alex Admin', email: 'admin@example.com', role: 'admin', note: 'admin' },
	{ name: 'Riley Reed', email: 'recruiter@example.com', role: 'recruiter', note: 'recruiter' },
	{ name: 'Morgan Hale', email: 'manager@example.com', role: 'interviewer', note: 'hiring manager' },
	{ name: 'Priya Natarajan', email: 'priya@example.com', role: 'interviewer', note: 'interviewer' },
	{ name: 'Sam Okafor', email: 'sam@example.com', role: 'interviewer', note: 'interviewer' },
	{ name: 'Lena Fischer', email: 'lena@example.com', role: 'interviewer', note: 'interviewer' },
	{ name: 'Diego Alvarez', email: 'diego@example.com', role: 'interviewer', note: 'interviewer' },
	{ name: 'Mei Chen', email: 'mei@example.com', role: 'interviewer', note: 'interviewer' }
];

const engineerCandidates = [
	'Amara Osei',
	'Jonas Becker',
	'Sofia Marquez',
	'Kenji Watanabe',
	'Chloé Dubois',
	'Ravi Menon',
	'Hannah Lindqvist',
	'Tomás Silva',
	'Zainab Yusuf'
];
const managerCandidates = ['Eleanor Price', 'Marcus Webb', 'Ingrid Solberg'];

/** Fills an empty database with the demo organisation and returns who can sign in. */
export async function seedDemo(db: DB, now = Date.now()): Promise<DemoLogin[]> {
	if (await hasAnyUser(db)) {
		throw new ConflictError('the database already has users; seed-demo needs an empty database');
	}
	const users = new Map<string, AuthUser>();
	for (const person of people) {
		// Keyed by the email's local part: 'admin', 'recruiter', 'manager', 'priya', …
		users.set(person.email.split('@')[0]!, await createUser(db, { ...person, password: demoPassword }));
	}
	await seedHiring(db, (key) => users.get(key)!, now);
	return people;
}

async function templateIdByName(db: DB, name: string): Promise<number> {
	return (await db.selectFrom('loopTemplate').select('id').where('name', '=', name).executeTakeFirstOrThrow())
		.id;
}

/** Openings, candidates and loops at every stage, timed around `now` so the demo looks current. */
async function seedHiring(db: DB, user: (key: string) => AuthUser, now: number): Promise<void> {
	const recruiter = user('recruiter');
	const manager = user('manager');
	const morning = Math.floor(now / day) * day + 9 * hour;
	const twoHoursAgo = Math.floor(now / hour) * hour - 2 * hour;

	const payments = await insertOpening(db, recruiter.id, {
		title: 'Senior Software Engineer, Payments',
		team: 'Payments',
		level: 'Senior',
		templateId: await templateIdByName(db, 'Senior Software Engineer'),
		hiringManagerIds: [manager.id],
		status: 'open'
	});
	const platform = await insertOpening(db, recruiter.id, {
		title: 'Engineering Manager, Platform',
		team: 'Platform',
		level: 'Manager',
		templateId: await templateIdByName(db, 'Engineering Manager'),
		hiringManagerIds: [manager.id, user('admin').id],
		status: 'open'
	});

	const candidateIds: number[] = [];
	for (const [i, name] of [...engineerCandidates, ...managerCandidates].entries()) {
		const forEngineering = i < engineerCandidates.length;
		candidateIds.push(
			await insertCandidate(db, recruiter.id, {
				name,
				email: `${name
					.toLowerCase()
					.normalize('NFD')
					.replace(/[^a-z ]/g, '')
					.replace(/ /g, '.')}@example.org`,
				notes: forEngineering ? 'Referred by the Payments team.' : '',
				openingIds: [forEngineering ? payments : platform]
			})
		);
	}

	const [priya, sam, lena, diego, mei] = ['priya', 'sam', 'lena', 'diego', 'mei'].map(user) as AuthUser[];
	const engineerPanel = (start: number) => [
		{ round: 0, interviewerIds: [priya!.id], scheduledAt: start },
		{ round: 1, interviewerIds: [sam!.id], scheduledAt: start + 1.5 * hour },
		{ round: 2, interviewerIds: [lena!.id], scheduledAt: start + 3 * hour },
		{ round: 3, interviewerIds: [diego!.id], scheduledAt: start + 4 * hour },
		{ round: 4, interviewerIds: [manager.id, mei!.id], scheduledAt: start + 5 * hour }
	];
	const loop = (candidate: number, opening: number, panel: ReturnType<typeof engineerPanel>) =>
		createLoop(db, recruiter, { candidateId: candidateIds[candidate]!, openingId: opening, panel }, now);

	// Interviews held over the last days (feedback due or overdue), today's, and next week's.
	await loop(0, payments, engineerPanel(morning - 6 * day));
	await loop(1, payments, engineerPanel(morning - 2 * day));
	await loop(2, payments, engineerPanel(twoHoursAgo));
	await loop(3, payments, engineerPanel(morning + 2 * day));
	await loop(4, payments, engineerPanel(morning + 7 * day).slice(0, 2));
	const cancelled = await loop(5, payments, engineerPanel(morning + 3 * day));
	await cancelLoop(db, recruiter, cancelled.loopId, 'Candidate accepted another offer', now);

	await loop(engineerCandidates.length, platform, [
		{ round: 0, interviewerIds: [sam!.id], scheduledAt: morning + day },
		{ round: 1, interviewerIds: [priya!.id], scheduledAt: morning + day + 1.5 * hour },
		{ round: 2, interviewerIds: [manager.id], scheduledAt: morning + day + 3 * hour },
		{ round: 3, interviewerIds: [lena!.id], scheduledAt: morning + day + 4.5 * hour },
		{ round: 4, interviewerIds: [mei!.id, diego!.id], scheduledAt: morning + day + 6 * hour },
		{ round: 5, interviewerIds: [user('admin').id], scheduledAt: morning + 2 * day }
	]);
}
