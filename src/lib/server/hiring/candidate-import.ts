import type { DB } from '../platform/db';
import type { ImportCounts, ImportOutcome } from '../../domain/candidate-import';
import { readCandidateCsv } from '../../domain/candidate-csv';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { CsvImportError, NotFoundError } from '../platform/errors';

// Candidates from a CSV into an opening, for the import page and the API alike. All or
// nothing: every row is checked before anything is written (docs/decisions/012).

export interface ImportedRow {
	/** The row as a spreadsheet numbers it (header = 1). */
	row: number;
	candidateId: number;
	outcome: ImportOutcome;
	/** The name Panelist holds: a known candidate keeps theirs, whatever the file says. */
	name: string;
	email: string;
}

export interface CandidateImportResult extends ImportCounts {
	openingId: number;
	/** One entry per candidate row of the file, in file order. */
	rows: ImportedRow[];
}

/** Candidates Panelist already has with any of these (normalised) emails, by email. */
async function knownCandidates(db: DB, emails: string[]) {
	const rows = await db
		.selectFrom('candidate')
		.select(['id', 'name', 'email'])
		.where('email', 'in', emails)
		.execute();
	return new Map(rows.map((c) => [c.email, c]));
}

async function alreadyInOpening(db: DB, openingId: number, candidateIds: number[]): Promise<Set<number>> {
	if (!candidateIds.length) return new Set();
	const rows = await db
		.selectFrom('candidateOpening')
		.select('candidateId')
		.where('openingId', '=', openingId)
		.where('candidateId', 'in', candidateIds)
		.execute();
	return new Set(rows.map((r) => r.candidateId));
}

/**
 * Imports the CSV's candidates into the opening: new emails become candidates, known ones
 * are added to the opening as they are, and those already in it are left unchanged.
 * Whoever may add candidates may import (admins and recruiters). Throws CsvImportError
 * listing every problem, ForbiddenError or NotFoundError; on any error nothing changes.
 */
export async function importCandidatesCsv(
	db: DB,
	actor: AuthUser,
	openingId: number,
	csvText: string,
	now = Date.now()
): Promise<CandidateImportResult> {
	assertCanManageHiring(actor);
	const opening = await db.selectFrom('opening').select('id').where('id', '=', openingId).executeTakeFirst();
	if (!opening) throw new NotFoundError('No such opening');
	const reading = readCandidateCsv(csvText);
	if (!reading.ok) throw new CsvImportError(reading.issues);

	return db.transaction().execute(async (trx) => {
		const known = await knownCandidates(
			trx,
			reading.rows.map((r) => r.email)
		);
		const alreadyIn = await alreadyInOpening(
			trx,
			openingId,
			[...known.values()].map((c) => c.id)
		);

		const rows: ImportedRow[] = [];
		for (const { row, name, email, notes } of reading.rows) {
			const existing = known.get(email);
			if (existing && alreadyIn.has(existing.id)) {
				rows.push({ row, candidateId: existing.id, outcome: 'unchanged', name: existing.name, email });
				continue;
			}
			let candidateId: number;
			if (existing) {
				candidateId = existing.id;
				await recordAudit(
					trx,
					{
						actorUserId: actor.id,
						action: 'candidate.updated',
						entityType: 'candidate',
						entityId: candidateId,
						after: { addedToOpeningId: openingId, via: 'csv import' }
					},
					now
				);
			} else {
				({ id: candidateId } = await trx
					.insertInto('candidate')
					.values({ name, email, notes, createdAt: now, updatedAt: now })
					.returning('id')
					.executeTakeFirstOrThrow());
				await recordAudit(
					trx,
					{
						actorUserId: actor.id,
						action: 'candidate.created',
						entityType: 'candidate',
						entityId: candidateId,
						after: { openingId, via: 'csv import' }
					},
					now
				);
			}
			await trx.insertInto('candidateOpening').values({ candidateId, openingId, addedAt: now }).execute();
			rows.push({
				row,
				candidateId,
				outcome: existing ? 'linked' : 'created',
				name: existing?.name ?? name,
				email
			});
		}

		const counts: ImportCounts = {
			created: rows.filter((r) => r.outcome === 'created').length,
			linked: rows.filter((r) => r.outcome === 'linked').length,
			unchanged: rows.filter((r) => r.outcome === 'unchanged').length
		};
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'opening.candidates_imported',
				entityType: 'opening',
				entityId: openingId,
				after: counts
			},
			now
		);
		return { openingId, ...counts, rows };
	});
}

/**
 * The text of an uploaded CSV file. Only UTF-8 is read: guessing another encoding could
 * garble names without anyone noticing, so a file in one is refused with the way out.
 */
export function csvTextFromBytes(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new CsvImportError([
			{
				path: '',
				row: null,
				column: null,
				message:
					'The file is not UTF-8 text. In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)”; in Numbers or Google Sheets, export as CSV.'
			}
		]);
	}
}
