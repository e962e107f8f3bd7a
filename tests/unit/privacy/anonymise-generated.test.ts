import fs from 'node:fs';
import { expect, it } from 'vitest';
import { anonymisedMarker } from '../../../src/lib/domain/anonymisation';
import { day } from '../../../src/lib/domain/time';
import { getCalibration } from '../../../src/lib/server/calibration/calibration';
import { getComparison } from '../../../src/lib/server/evaluation/comparison';
import { recordDecision, saveDebriefNotes } from '../../../src/lib/server/evaluation/debriefs';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import { amendScorecard } from '../../../src/lib/server/evaluation/scorecards';
import { getScorecard } from '../../../src/lib/server/evaluation/scorecard-reads';
import { anonymiseCandidate } from '../../../src/lib/server/hiring/candidate-privacy';
import { updateCandidate } from '../../../src/lib/server/hiring/candidates';
import { databaseResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { uploadResume } from '../../../src/lib/server/hiring/resumes';
import { createDb, openSqlite, type DB } from '../../../src/lib/server/platform/db';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { generateOrganisation } from '../../../src/cli/synthetic/generate';
import { freshDbPath } from '../helpers/db';

// Anonymising a candidate in the middle of a company's history (decision 024): every figure
// stays to the last digit, and nothing they were or had written about them is left in the
// database's bytes (main file and WAL) or in an export. SQLite on both runs: the generator
// writes SQLite, and only there can a test read the file's bytes.

const until = Date.UTC(2026, 10, 1);
const now = until + day;

/** Every number and flag in a value, by path; text is left out (names and notes change). */
function figures(value: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
	if (Array.isArray(value)) value.forEach((v, i) => figures(v, `${path}[${i}]`, out));
	else if (value !== null && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) figures(v, `${path}.${k}`, out);
	else if (typeof value !== 'string') out[path] = value;
	return out;
}

async function everyFigure(db: DB, admin: { id: number; email: string; name: string; role: 'admin' }) {
	const loops = await db.selectFrom('loop').select(['id', 'openingId']).orderBy('id').execute();
	const openings = [...new Set(loops.map((l) => l.openingId))];
	const results = [];
	for (const loop of loops) {
		const submitted = await db
			.selectFrom('scorecard')
			.select('id')
			.where('loopId', '=', loop.id)
			.where('status', '=', 'submitted')
			.executeTakeFirst();
		if (submitted) results.push(await getLoopResults(db, admin, loop.id, {}, now));
	}
	const comparisons = [];
	for (const openingId of openings) comparisons.push(await getComparison(db, admin, openingId, {}, now));
	const period = { from: until - 4 * 365 * day, to: until };
	return figures({
		results,
		comparisons,
		calibration: await getCalibration(db, admin, period),
		counted: await getCalibration(db, admin, period, { months: false }),
		leadership: await getCalibration(db, admin, { ...period, kind: 'leadership' })
	});
}

it('keeps every result, comparison and calibration figure and leaves no byte of the candidate behind', async () => {
	const file = freshDbPath();
	const sqlite = openSqlite(file);
	const db = createDb(sqlite);
	await generateOrganisation(db, sqlite, { scorecards: 700, seed: 18, until });
	const admin = {
		...(await db
			.selectFrom('user')
			.select(['id', 'email', 'name'])
			.where('role', '=', 'admin')
			.executeTakeFirstOrThrow()),
		role: 'admin' as const
	};

	// A decided loop in the middle of the history, and what people wrote about its candidate.
	const decided = await db
		.selectFrom('loop')
		.select(['id', 'candidateId', 'openingId'])
		.where('outcome', 'is not', null)
		.orderBy('id')
		.execute();
	const loop = decided[Math.floor(decided.length / 2)]!;
	const words = {
		name: 'Philippa Quennell-Ardmore',
		email: 'philippa.quennell@ardmore-mail.example',
		notes: 'Referred by Okonkwo; relocating from Tromsø',
		firstResume: 'Earlier CV of Philippa, Gdansk harbour 3',
		resume: 'Curriculum vitae of Philippa, Wroclaw street 17',
		amendedSummary: 'Philippa whiteboarded a trie with evident zest',
		amendedEvidence: 'She mentioned her daughter Ysolde during the design chat',
		amendReason: 'Forgot the Ysolde anecdote',
		debrief: 'Panel discussed the Quennell salary expectation',
		rationale: 'Hire Philippa: quizzical but rigorous',
		dissent: 'Brannagh disagreed about the Quennell trie',
		changeReason: 'Reconsidered after Brannagh spoke'
	};
	await updateCandidate(db, admin, loop.candidateId, {
		name: words.name,
		email: words.email,
		notes: words.notes,
		openingIds: [loop.openingId]
	});
	// A résumé replaced by a newer one: the first one's pages were freed long before the erasure.
	for (const text of [words.firstResume, words.resume]) {
		const bytes = new TextEncoder().encode(`%PDF-1.7\n${text.repeat(200)}\n%%EOF\n`);
		await uploadResume(
			db,
			admin,
			loop.candidateId,
			{ name: 'philippa-quennell.pdf', bytes },
			{ store: databaseResumeStore, maxBytes: 100_000 }
		);
	}
	const card = await db
		.selectFrom('scorecard')
		.innerJoin('user', 'user.id', 'scorecard.interviewerId')
		.select(['scorecard.id', 'user.id as userId', 'user.email', 'user.name', 'user.role'])
		.where('scorecard.loopId', '=', loop.id)
		.where('scorecard.status', '=', 'submitted')
		.orderBy('scorecard.id')
		.executeTakeFirstOrThrow();
	const author = { id: card.userId, email: card.email, name: card.name, role: card.role };
	const seen = await getScorecard(db, author, card.id);
	await amendScorecard(db, author, card.id, {
		reason: words.amendReason,
		baseVersion: seen.version,
		document: {
			...seen.document,
			summary: words.amendedSummary,
			ratings: seen.document.ratings.map((r) =>
				r.rating === null ? r : { ...r, evidence: words.amendedEvidence }
			)
		}
	});
	await saveDebriefNotes(db, admin, loop.id, { notes: { overall: words.debrief }, attendeeIds: [admin.id] });
	const outcome = (
		await db.selectFrom('loop').select('outcome').where('id', '=', loop.id).executeTakeFirstOrThrow()
	).outcome!;
	await recordDecision(db, admin, loop.id, {
		outcome,
		rationale: words.rationale,
		dissent: words.dissent,
		attendeeIds: [admin.id],
		changeReason: words.changeReason
	});

	const others = () =>
		Promise.all([
			db.selectFrom('candidate').selectAll().where('id', '!=', loop.candidateId).orderBy('id').execute(),
			db.selectFrom('scorecard').selectAll().where('loopId', '!=', loop.id).orderBy('id').execute(),
			db.selectFrom('loopDecision').selectAll().where('loopId', '!=', loop.id).orderBy('id').execute()
		]);
	const before = await everyFigure(db, admin);
	const othersBefore = await others();
	const present = (bytes: Buffer) => Object.values(words).filter((w) => bytes.includes(Buffer.from(w)));
	// The words are really there to be found before.
	expect(present(Buffer.concat([fs.readFileSync(file), fs.readFileSync(`${file}-wal`)]))).not.toEqual([]);

	await anonymiseCandidate(
		db,
		admin,
		loop.candidateId,
		{ reason: 'Erasure request by the candidate, ticket 4411' },
		databaseResumeStore,
		now
	);

	expect(await everyFigure(db, admin)).toEqual(before);
	expect(await others()).toEqual(othersBefore);
	const wal = fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0);
	expect(present(fs.readFileSync(file))).toEqual([]);
	expect(present(wal)).toEqual([]);
	expect(present(Buffer.from(await exportOrganisation(db, now)))).toEqual([]);
	const results = await getLoopResults(db, admin, loop.id, {}, now);
	expect(results.candidateName).toBe(`Anonymised candidate ${loop.candidateId}`);
	expect(results.scorecards.find((s) => s.scorecardId === card.id)?.document?.summary).toBe(anonymisedMarker);
	expect(results.decisions.map((d) => d.rationale)).toContain(anonymisedMarker);
	await db.destroy();
}, 120_000);
