import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getCalibration } from '../../../src/lib/server/calibration/calibration';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { importOrganisation } from '../../../src/lib/server/transfer/import';
import { day } from '../../../src/lib/domain/time';
import { freshDb } from '../helpers/db';

// The demo organisation as Panelist 0.1 on Node.js 20 (SvelteKit 2, Kysely 0.28,
// better-sqlite3 12) exported it with `panelist export`, committed before the platform
// upgrade (decision 015). Whatever the platform becomes, that file must still import.
const fixture = 'tests/fixtures/export-v1-before-node-24.json';

describe('an export written by the version before the platform upgrade', () => {
	it('imports whole, and exports again to the same bytes', async () => {
		const text = fs.readFileSync(fixture, 'utf8');
		const exportedAt = Date.parse(JSON.parse(text).exportedAt);
		const db = freshDb();

		const summary = await importOrganisation(db, text);

		expect(summary).toMatchObject({
			users: 8,
			loops: 13,
			scorecards: 75,
			auditEvents: 161,
			adminEmails: ['admin@example.com']
		});
		expect(await exportOrganisation(db, exportedAt)).toBe(text);
	}, 30_000);

	it('gives the decided loops the panel results and decisions they had', async () => {
		const db = freshDb();
		const text = fs.readFileSync(fixture, 'utf8');
		const now = Date.parse(JSON.parse(text).exportedAt);
		await importOrganisation(db, text);
		const admin = await db
			.selectFrom('user')
			.select(['id', 'email', 'name', 'role'])
			.where('email', '=', 'admin@example.com')
			.executeTakeFirstOrThrow();

		const figures = [];
		for (const loopId of [1, 3]) {
			const result = await getLoopResults(db, admin, loopId, {}, now);
			figures.push({
				candidate: result.candidateName,
				status: result.status,
				technicalMean: result.technicalMean,
				leadershipMean: result.leadershipMean,
				recommendations: result.recommendations.counts,
				outcomes: result.decisions.map((d) => d.outcome)
			});
		}
		// The figures the old version showed for the same file.
		expect(figures).toEqual([
			{
				candidate: 'Amara Osei',
				status: 'decided',
				technicalMean: 3.5,
				leadershipMean: 3.125,
				recommendations: { 1: 0, 2: 0, 3: 4, 4: 2 },
				outcomes: ['hire']
			},
			{
				candidate: 'Hannah Lindqvist',
				status: 'decided',
				technicalMean: 2,
				leadershipMean: expect.closeTo(2.041667, 6),
				recommendations: { 1: 1, 2: 5, 3: 0, 4: 0 },
				outcomes: ['no_hire']
			}
		]);

		const calibration = await getCalibration(db, admin, { from: now - 365 * day, to: now + day });
		expect(calibration.competencies).toHaveLength(8);
		expect(
			calibration.interviewers.map((i) => [i.name, i.scorecards, i.meanRating?.toFixed(2), i.decisionMatch])
		).toEqual([
			['Diego Alvarez', 7, '3.29', { matched: 2, decided: 2 }],
			['Lena Fischer', 7, '2.62', { matched: 2, decided: 2 }],
			['Mei Chen', 7, '2.71', { matched: 2, decided: 2 }],
			['Morgan Hale', 7, '2.43', { matched: 2, decided: 2 }],
			['Priya Natarajan', 7, '3.29', { matched: 2, decided: 2 }],
			['Sam Okafor', 7, '2.57', { matched: 2, decided: 2 }]
		]);
	}, 30_000);
});
