import { describe, expect, it } from 'vitest';
import {
	describeImport,
	importCountsFromQuery,
	importCountsToQuery,
	maxImportRows
} from '../../../src/lib/domain/candidate-import';
import type { DB } from '../../../src/lib/server/platform/db';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { getCandidate } from '../../../src/lib/server/hiring/candidates';
import { csvTextFromBytes, importCandidatesCsv } from '../../../src/lib/server/hiring/candidate-import';
import {
	CsvImportError,
	ForbiddenError,
	InputError,
	NotFoundError
} from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newCandidate, newOpening, newUser } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 24, 9);

async function setting() {
	const db = freshDb();
	const admin = await newUser(db, { role: 'admin' });
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db, { name: 'Morgan Manager' });
	const otherManager = await newUser(db, { name: 'Olive Other' });
	const interviewer = await newUser(db, { name: 'Ivan Interviewer' });
	const openingId = await newOpening(db, [manager]);
	const otherOpeningId = await newOpening(db, [otherManager]);
	return { db, admin, recruiter, manager, otherManager, interviewer, openingId, otherOpeningId };
}

/** Everything an import could write, to show that a refused one wrote nothing. */
async function snapshot(db: DB) {
	return {
		candidates: await db.selectFrom('candidate').selectAll().orderBy('id').execute(),
		links: await db
			.selectFrom('candidateOpening')
			.selectAll()
			.orderBy('candidateId')
			.orderBy('openingId')
			.execute(),
		audit: await db.selectFrom('auditEvent').select('id').execute()
	};
}

async function candidateByEmail(db: DB, email: string) {
	return db.selectFrom('candidate').selectAll().where('email', '=', email).executeTakeFirst();
}

async function openingIdsOf(db: DB, candidateId: number) {
	const rows = await db
		.selectFrom('candidateOpening')
		.select('openingId')
		.where('candidateId', '=', candidateId)
		.orderBy('openingId')
		.execute();
	return rows.map((r) => r.openingId);
}

/** The issues of a refused import (fails the test if it was not refused). */
async function issuesOf(work: Promise<unknown>) {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(CsvImportError);
	return (error as CsvImportError).issues;
}

describe('importing candidates from CSV', () => {
	it('creates each candidate in the opening and says which row became which candidate', async () => {
		const { db, recruiter, openingId } = await setting();
		const csv = [
			'name,email,notes',
			'Ada Lovelace,Ada.Lovelace@Example.com,Referred by Charles',
			'Grace Hopper,grace@example.org,',
			'Alan Turing,alan@example.net'
		].join('\n');

		const result = await importCandidatesCsv(db, recruiter, openingId, csv, t0);

		expect(result).toMatchObject({ openingId, created: 3, linked: 0, unchanged: 0 });
		expect(result.rows.map((r) => [r.row, r.outcome, r.name, r.email])).toEqual([
			[2, 'created', 'Ada Lovelace', 'ada.lovelace@example.com'],
			[3, 'created', 'Grace Hopper', 'grace@example.org'],
			[4, 'created', 'Alan Turing', 'alan@example.net']
		]);
		const ada = await getCandidate(db, recruiter, result.rows[0]!.candidateId);
		expect(ada).toMatchObject({
			name: 'Ada Lovelace',
			email: 'ada.lovelace@example.com',
			notes: 'Referred by Charles',
			createdAt: t0
		});
		expect(ada.openings.map((o) => o.id)).toEqual([openingId]);
		for (const { candidateId } of result.rows) {
			expect((await listAuditEvents(db, 'candidate', candidateId)).map((e) => e.action)).toEqual([
				'candidate.created'
			]);
		}
		const [openingEvent] = await listAuditEvents(db, 'opening', openingId).then((events) =>
			events.filter((e) => e.action === 'opening.candidates_imported')
		);
		expect(openingEvent).toMatchObject({ actorUserId: recruiter.id, at: t0 });
		expect(JSON.parse(openingEvent!.after!)).toEqual({ created: 3, linked: 0, unchanged: 0 });
	});

	it('lists every bad row with its spreadsheet row number and field, and changes nothing', async () => {
		const { db, recruiter, openingId } = await setting();
		const before = await snapshot(db);
		const csv = [
			'name,email,notes',
			'Ada Lovelace,ada@example.com,',
			',grace@example.org,',
			'Alan Turing,alan-at-example,',
			'',
			`Edsger Dijkstra,edsger@example.com,${'x'.repeat(5001)}`,
			',,'
		].join('\n');

		const issues = await issuesOf(importCandidatesCsv(db, recruiter, openingId, csv, t0));

		expect(issues).toEqual([
			{ path: 'rows[2].name', row: 3, column: 'name', message: 'Row 3, name: Enter a name' },
			{
				path: 'rows[3].email',
				row: 4,
				column: 'email',
				message: 'Row 4, email: Enter a valid email address, like name@example.com'
			},
			{
				path: 'rows[5].notes',
				row: 6,
				column: 'notes',
				message: 'Row 6, notes: use at most 5000 characters'
			}
		]);
		expect(await snapshot(db)).toEqual(before);
	});

	it('answers like any input error, with one field error per issue path', async () => {
		const { db, recruiter, openingId } = await setting();
		const error = await importCandidatesCsv(
			db,
			recruiter,
			openingId,
			'name,email\n,a@example.com\nBo,bad\n'
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).fieldErrors).toEqual({
			'rows[1].name': 'Row 2, name: Enter a name',
			'rows[2].email': 'Row 3, email: Enter a valid email address, like name@example.com'
		});
		expect((error as Error).message).toBe('Nothing was imported: the CSV has 2 problems');
	});

	it('refuses an email listed twice in the file, whatever its case, naming both rows', async () => {
		const { db, recruiter, openingId } = await setting();
		const before = await snapshot(db);
		const csv = 'name,email\nAda,ada@example.com\nGrace,grace@example.org\nAda L.,ADA@example.com \n';

		const issues = await issuesOf(importCandidatesCsv(db, recruiter, openingId, csv));

		expect(issues.map((i) => [i.path, i.message])).toEqual([
			['rows[3].email', 'Row 4, email: ada@example.com is also on row 2; list each candidate once.']
		]);
		expect(await snapshot(db)).toEqual(before);
	});

	it('adds a candidate Panelist already knows to the opening without changing their name or notes', async () => {
		const { db, recruiter, openingId, otherOpeningId } = await setting();
		const knownId = await newCandidate(db, [otherOpeningId], 'Ada Original');
		const known = (await db
			.selectFrom('candidate')
			.selectAll()
			.where('id', '=', knownId)
			.executeTakeFirstOrThrow())!;
		await db.updateTable('candidate').set({ notes: 'Kept notes' }).where('id', '=', knownId).execute();
		const candidatesBefore = (await db.selectFrom('candidate').select('id').execute()).length;
		const csv = `name,email,notes\nAda Renamed,${known.email.toUpperCase()},Other notes\nNew Person,new@example.com,\n`;

		const result = await importCandidatesCsv(db, recruiter, openingId, csv, t0);

		expect(result).toMatchObject({ created: 1, linked: 1, unchanged: 0 });
		expect(result.rows[0]).toEqual({
			row: 2,
			candidateId: knownId,
			outcome: 'linked',
			name: 'Ada Original',
			email: known.email
		});
		expect(await candidateByEmail(db, known.email)).toMatchObject({
			id: knownId,
			name: 'Ada Original',
			notes: 'Kept notes',
			updatedAt: known.updatedAt
		});
		expect(await openingIdsOf(db, knownId)).toEqual([openingId, otherOpeningId].sort((a, b) => a - b));
		expect(await db.selectFrom('candidate').select('id').execute()).toHaveLength(candidatesBefore + 1);
		const events = await listAuditEvents(db, 'candidate', knownId);
		expect(events.map((e) => [e.action, e.after && JSON.parse(e.after)])).toEqual([
			['candidate.created', null],
			['candidate.updated', { addedToOpeningId: openingId, via: 'csv import' }]
		]);
	});

	it('leaves candidates already in the opening unchanged and reports them so', async () => {
		const { db, recruiter, openingId } = await setting();
		const inOpeningId = await newCandidate(db, [openingId], 'Already Here');
		const { email } = (await db
			.selectFrom('candidate')
			.select('email')
			.where('id', '=', inOpeningId)
			.executeTakeFirstOrThrow())!;
		const eventsBefore = await listAuditEvents(db, 'candidate', inOpeningId);

		const result = await importCandidatesCsv(db, recruiter, openingId, `name,email\nSomeone Else,${email}\n`);

		expect(result).toMatchObject({ created: 0, linked: 0, unchanged: 1 });
		expect(result.rows).toEqual([
			{ row: 2, candidateId: inOpeningId, outcome: 'unchanged', name: 'Already Here', email }
		]);
		expect(await listAuditEvents(db, 'candidate', inOpeningId)).toEqual(eventsBefore);
		expect(await openingIdsOf(db, inOpeningId)).toEqual([openingId]);

		// The same file twice: the second run changes nothing.
		const csv = 'name,email\nAda,ada@example.com\nGrace,grace@example.org\n';
		await importCandidatesCsv(db, recruiter, openingId, csv);
		const before = await db.selectFrom('candidateOpening').selectAll().execute();
		expect(await importCandidatesCsv(db, recruiter, openingId, csv)).toMatchObject({
			created: 0,
			linked: 0,
			unchanged: 2
		});
		expect(await db.selectFrom('candidateOpening').selectAll().execute()).toEqual(before);
	});
});

describe('who may import candidates', () => {
	it('lets admins and recruiters import, as they may add candidates', async () => {
		const { db, admin, recruiter, openingId } = await setting();
		expect((await importCandidatesCsv(db, admin, openingId, 'name,email\nA,a@example.com')).created).toBe(1);
		expect((await importCandidatesCsv(db, recruiter, openingId, 'name,email\nB,b@example.com')).created).toBe(
			1
		);
	});

	it('refuses hiring managers (even of this opening) and interviewers, as adding a candidate does', async () => {
		const { db, manager, otherManager, interviewer, openingId } = await setting();
		const before = await snapshot(db);
		for (const actor of [manager, otherManager, interviewer]) {
			await expect(
				importCandidatesCsv(db, actor, openingId, 'name,email\nA,a@example.com')
			).rejects.toBeInstanceOf(ForbiddenError);
			// Not even whether an opening exists, or whether the file is valid.
			await expect(importCandidatesCsv(db, actor, 999_999, 'nonsense')).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
		expect(await snapshot(db)).toEqual(before);
	});

	it('answers an opening that does not exist with not found, before reading the file', async () => {
		const { db, recruiter } = await setting();
		await expect(importCandidatesCsv(db, recruiter, 999_999, 'nonsense')).rejects.toBeInstanceOf(
			NotFoundError
		);
	});
});

describe('reading the CSV', () => {
	it('reads semicolons, a byte-order mark, Windows line ends, quotes and headers in any case and order', async () => {
		const { db, recruiter, openingId } = await setting();
		const csv =
			'\uFEFF Email ;NAME;Notes\r\n' +
			'ada@example.com;"Lovelace; Ada";"She said ""hi""\r\nand left"\r\n' +
			'grace@example.org;Grace, Hopper;\r\n';

		const result = await importCandidatesCsv(db, recruiter, openingId, csv);

		expect(result.rows.map((r) => [r.row, r.name])).toEqual([
			[2, 'Lovelace; Ada'],
			[3, 'Grace, Hopper']
		]);
		expect(await candidateByEmail(db, 'ada@example.com')).toMatchObject({
			notes: 'She said "hi"\r\nand left'
		});
	});

	it('reads commas and tabs, and takes quotes inside an unquoted value as written', async () => {
		const { db, recruiter, openingId } = await setting();
		await importCandidatesCsv(db, recruiter, openingId, 'name,email\n"Hopper, Grace",grace@example.org\n');
		await importCandidatesCsv(db, recruiter, openingId, 'name\temail\nJane "JJ" Doe\tjj@example.org\n');
		expect((await candidateByEmail(db, 'grace@example.org'))?.name).toBe('Hopper, Grace');
		expect((await candidateByEmail(db, 'jj@example.org'))?.name).toBe('Jane "JJ" Doe');
	});

	it('counts rows as a spreadsheet does: a quoted line break stays in its row, blank rows keep their number', async () => {
		const { db, recruiter, openingId } = await setting();
		const csv = 'name,email,notes\nAda,ada@example.com,"two\nlines"\n\n,,\nBo,not-an-email,\n';
		const issues = await issuesOf(importCandidatesCsv(db, recruiter, openingId, csv));
		expect(issues.map((i) => i.message)).toEqual([
			'Row 5, email: Enter a valid email address, like name@example.com'
		]);
	});

	it('names unknown columns and missing ones, and refuses the file', async () => {
		const { db, recruiter, openingId } = await setting();
		expect(
			await issuesOf(importCandidatesCsv(db, recruiter, openingId, 'Name,Phone,city\nAda,123,Paris\n'))
		).toEqual([
			{
				path: 'rows[0]',
				row: 1,
				column: null,
				message:
					'Row 1: unknown columns: “Phone”; “city”. Panelist imports name, email and optionally notes; remove or rename the others.'
			},
			{
				path: 'rows[0].email',
				row: 1,
				column: 'email',
				message:
					'Row 1, email: add a column named “email” (their email address; it identifies them in Panelist).'
			}
		]);
		expect(
			(
				await issuesOf(
					importCandidatesCsv(db, recruiter, openingId, 'name,email,email\nA,a@example.com,b@x.com')
				)
			)[0]?.message
		).toBe('Row 1, email: the column “email” appears twice; keep one.');
		expect(
			(await issuesOf(importCandidatesCsv(db, recruiter, openingId, 'name,email,\nA,a@example.com,oops')))[0]
				?.message
		).toBe(
			'Row 1: unknown column: column C, which has values but no name. Panelist imports name, email and optionally notes; remove or rename the others.'
		);
	});

	it('names ten unknown columns and counts the rest, however wide the file', async () => {
		const { db, recruiter, openingId } = await setting();
		const wide = Array.from({ length: 60_000 }, (_, i) => `c${i}`);
		const csv = `name,email,${wide.join(',')}\n${'Ada,ada@example.com,x\n'.repeat(2000)}`;
		const started = performance.now();
		const [issue] = await issuesOf(importCandidatesCsv(db, recruiter, openingId, csv));
		expect(performance.now() - started).toBeLessThan(2000);
		expect(issue?.message).toBe(
			`Row 1: unknown columns: ${wide
				.slice(0, 10)
				.map((c) => `“${c}”`)
				.join(
					'; '
				)} and 59,990 more. Panelist imports name, email and optionally notes; remove or rename the others.`
		);
	});

	it('asks for a header row when the first row holds data', async () => {
		const { db, recruiter, openingId } = await setting();
		expect(
			await issuesOf(importCandidatesCsv(db, recruiter, openingId, 'Ada Lovelace,ada@example.com\n'))
		).toEqual([
			{
				path: 'rows[0]',
				row: 1,
				column: null,
				message:
					'Row 1: the first row must name the columns: name, email and optionally notes. It reads “Ada Lovelace”, “ada@example.com”.'
			}
		]);
	});

	it('ignores an empty trailing column but refuses a row with more values than columns', async () => {
		const { db, recruiter, openingId } = await setting();
		const issues = await issuesOf(
			importCandidatesCsv(
				db,
				recruiter,
				openingId,
				'name,email\nAda,ada@example.com\nLovelace, Ada,ada2@example.com\n'
			)
		);
		expect(issues.map((i) => [i.path, i.message])).toEqual([
			[
				'rows[2]',
				'Row 3: this row has 3 values but the header has 2 columns. Put double quotes around a value that contains a comma.'
			],
			['rows[2].email', 'Row 3, email: Enter a valid email address, like name@example.com']
		]);
		const result = await importCandidatesCsv(db, recruiter, openingId, 'name,email,\nAda,ada@example.com,\n');
		expect(result.created).toBe(1);
	});

	it('points at the row where a quote is never closed', async () => {
		const { db, recruiter, openingId } = await setting();
		const issues = await issuesOf(
			importCandidatesCsv(
				db,
				recruiter,
				openingId,
				'name,email\nAda,ada@example.com\n"Grace,grace@example.org\nAlan,alan@example.net\n'
			)
		);
		expect(issues).toEqual([
			{
				path: 'rows[2]',
				row: 3,
				column: null,
				message:
					'Row 3: a value opens a double quote that is never closed. Close it, or write a quote inside a quoted value as two ("").'
			}
		]);
	});

	it('refuses an empty file and a header without rows', async () => {
		const { db, recruiter, openingId } = await setting();
		expect(await issuesOf(importCandidatesCsv(db, recruiter, openingId, '\uFEFF \n'))).toEqual([
			{ path: '', row: null, column: null, message: 'The CSV is empty: there is nothing to import.' }
		]);
		expect(
			(await issuesOf(importCandidatesCsv(db, recruiter, openingId, 'name,email\n\n')))[0]?.message
		).toBe('The CSV has a header row but no candidates: add one row per candidate under it.');
	});

	it('reads UTF-8 files and refuses other encodings with the way out', () => {
		const utf8 = new TextEncoder().encode('\uFEFFname,email\nJosé,jose@example.com\n');
		expect(csvTextFromBytes(utf8)).toBe('name,email\nJosé,jose@example.com\n');
		const latin1 = Uint8Array.from([...'name,email\nJos'].map((c) => c.charCodeAt(0)).concat(0xe9));
		expect(() => csvTextFromBytes(latin1)).toThrow(CsvImportError);
		expect(() => csvTextFromBytes(latin1)).toThrow(/not UTF-8 text.*CSV UTF-8/);
	});
});

describe('import limits', () => {
	it(`imports ${maxImportRows.toLocaleString('en')} candidates in one go and refuses one more`, async () => {
		const { db, recruiter, openingId } = await setting();
		const rows = (n: number) =>
			['name,email', ...Array.from({ length: n }, (_, i) => `Person ${i},person${i}@example.com`)].join('\n');

		const before = await snapshot(db);
		const issues = await issuesOf(importCandidatesCsv(db, recruiter, openingId, rows(maxImportRows + 1)));
		expect(issues).toEqual([
			{
				path: '',
				row: null,
				column: null,
				message:
					'The CSV has 2,001 candidates; Panelist imports at most 2,000 at once. Split it into smaller files.'
			}
		]);
		expect(await snapshot(db)).toEqual(before);

		const result = await importCandidatesCsv(db, recruiter, openingId, rows(maxImportRows));
		expect(result.created).toBe(maxImportRows);
		expect(await openingIdsOf(db, result.rows.at(-1)!.candidateId)).toEqual([openingId]);
	});

	it('refuses a file over 500 KB before reading it', async () => {
		const { db, recruiter, openingId } = await setting();
		const big = `name,email,notes\n${`Ada,ada@example.com,${'x'.repeat(4000)}\n`.repeat(130)}`;
		expect(await issuesOf(importCandidatesCsv(db, recruiter, openingId, big))).toEqual([
			{
				path: '',
				row: null,
				column: null,
				message: 'The CSV is 511 KB; Panelist imports at most 500 KB at once. Split it into smaller files.'
			}
		]);
		// Multi-byte characters count as the bytes they take in the file.
		const accents = `name,email,notes\nAda,ada@example.com,${'é'.repeat(260 * 1024)}\n`;
		expect((await issuesOf(importCandidatesCsv(db, recruiter, openingId, accents)))[0]?.message).toMatch(
			/^The CSV is 521 KB/
		);
	});
});

describe('the summary sentence', () => {
	it('names each outcome with its count, and leaves out the empty ones', () => {
		expect(describeImport({ created: 3, linked: 1, unchanged: 2 })).toBe(
			'Import finished: 3 new candidates added; 1 candidate already known, added to this opening; 2 candidates already in this opening, left unchanged.'
		);
		expect(describeImport({ created: 1, linked: 0, unchanged: 0 })).toBe(
			'Import finished: 1 new candidate added.'
		);
	});

	it('travels to the opening page in its address, and nonsense there shows nothing', () => {
		const counts = { created: 2, linked: 0, unchanged: 1 };
		expect(importCountsFromQuery(new URLSearchParams(importCountsToQuery(counts)))).toEqual(counts);
		expect(importCountsFromQuery(new URLSearchParams('page=2'))).toBeNull();
		expect(importCountsFromQuery(new URLSearchParams('imported=-1'))).toBeNull();
		expect(importCountsFromQuery(new URLSearchParams('imported=1&linked=<b>'))).toBeNull();
	});
});
