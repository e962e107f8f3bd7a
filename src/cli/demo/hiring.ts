import type { DB } from '../../lib/server/platform/db';
import { day, hour } from '../../lib/domain/time';
import type { AuthUser } from '../../lib/server/auth/session';
import { insertCandidate } from '../../lib/server/hiring/candidates';
import { createLoop } from '../../lib/server/hiring/loops';
import { insertOpening } from '../../lib/server/hiring/openings';
import { cancelLoop } from '../../lib/server/hiring/panel';
import { decide, fillPanel, type Profile } from './feedback';

const engineers: { name: string; profile?: Profile }[] = [
	{ name: 'Amara Osei', profile: { base: 3.4 } },
	{ name: 'Jonas Becker', profile: { base: 2.7, split: true } },
	{ name: 'Hannah Lindqvist', profile: { base: 1.9 } },
	{ name: 'Tomás Silva', profile: { base: 3.0 } },
	{ name: 'Zainab Yusuf', profile: { base: 3.6 } },
	{ name: 'Lucas Moreau', profile: { base: 2.4 } },
	{ name: 'Aisha Rahman', profile: { base: 3.2 } },
	{ name: 'Pavel Novák', profile: { base: 2.9 } },
	{ name: 'Sofia Marquez' },
	{ name: 'Kenji Watanabe' },
	{ name: 'Chloé Dubois' },
	{ name: 'Ravi Menon' }
];
const managers = ['Eleanor Price', 'Marcus Webb', 'Ingrid Solberg'];

function emailOf(name: string): string {
	return `${name
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z ]/g, '')
		.replace(/ /g, '.')}@example.org`;
}

async function templateIdByName(db: DB, name: string): Promise<number> {
	return (await db.selectFrom('loopTemplate').select('id').where('name', '=', name).executeTakeFirstOrThrow())
		.id;
}

/**
 * Two openings; the engineering one has a dozen candidates, eight of them with finished
 * loops to compare (two decided, one ready for debrief with a real disagreement and a
 * Strong no), and the rest at every other stage, timed around `now`.
 */
export async function seedHiring(db: DB, user: (key: string) => AuthUser, now: number): Promise<void> {
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

	const candidate = async (name: string, openingId: number, notes = '') =>
		insertCandidate(db, recruiter.id, { name, email: emailOf(name), notes, openingIds: [openingId] });

	const [priya, sam, lena, diego, mei] = ['priya', 'sam', 'lena', 'diego', 'mei'].map(user) as AuthUser[];
	const engineerPanel = (start: number) => [
		{ round: 0, interviewerIds: [priya!.id], scheduledAt: start },
		{ round: 1, interviewerIds: [sam!.id], scheduledAt: start + 1.5 * hour },
		{ round: 2, interviewerIds: [lena!.id], scheduledAt: start + 3 * hour },
		{ round: 3, interviewerIds: [diego!.id], scheduledAt: start + 4 * hour },
		{ round: 4, interviewerIds: [manager.id, mei!.id], scheduledAt: start + 5 * hour }
	];
	const people = { priya: priya!, sam: sam!, lena: lena!, diego: diego!, mei: mei!, manager };

	for (const [i, engineer] of engineers.entries()) {
		const candidateId = await candidate(
			engineer.name,
			payments,
			i < 3 ? 'Referred by the Payments team.' : ''
		);
		if (engineer.profile) {
			// Finished loops, a day apart, ending with the one still waiting for its debrief.
			const start = morning - (10 - i) * day;
			const loop = await createLoop(
				db,
				recruiter,
				{ candidateId, openingId: payments, panel: engineerPanel(start) },
				now
			);
			await fillPanel(db, people, loop.loopId, engineer.profile, {
				lateFor: i === 3 ? 'sam' : undefined,
				// One loop still waits for a scorecard: the hiring manager's own.
				missing: i === 4 ? 'manager' : undefined
			});
			if (i === 0) await decide(db, manager, loop.loopId, 'hire', start + 2 * day);
			if (i === 2) await decide(db, manager, loop.loopId, 'no_hire', start + 2 * day);
			continue;
		}
		const loop = (start: number, rounds = 5) =>
			createLoop(
				db,
				recruiter,
				{ candidateId, openingId: payments, panel: engineerPanel(start).slice(0, rounds) },
				now
			);
		if (engineer.name === 'Sofia Marquez') await loop(twoHoursAgo);
		if (engineer.name === 'Kenji Watanabe') await loop(morning + 2 * day);
		if (engineer.name === 'Chloé Dubois') await loop(morning + 7 * day, 2);
		if (engineer.name === 'Ravi Menon') {
			const cancelled = await loop(morning + 3 * day);
			await cancelLoop(db, recruiter, cancelled.loopId, 'Candidate accepted another offer', now);
		}
	}

	const managerIds: number[] = [];
	for (const name of managers) managerIds.push(await candidate(name, platform));
	const firstManager = managerIds[0];
	await createLoop(
		db,
		recruiter,
		{
			candidateId: firstManager!,
			openingId: platform,
			panel: [
				{ round: 0, interviewerIds: [sam!.id], scheduledAt: morning + day },
				{ round: 1, interviewerIds: [priya!.id], scheduledAt: morning + day + 1.5 * hour },
				{ round: 2, interviewerIds: [manager.id], scheduledAt: morning + day + 3 * hour },
				{ round: 3, interviewerIds: [lena!.id], scheduledAt: morning + day + 4.5 * hour },
				{ round: 4, interviewerIds: [mei!.id, diego!.id], scheduledAt: morning + day + 6 * hour },
				{ round: 5, interviewerIds: [user('admin').id], scheduledAt: morning + 2 * day }
			]
		},
		now
	);
}
