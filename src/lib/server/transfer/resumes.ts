import type { ResumeStore, StoredResume } from '../hiring/resume-store';
import type { DB } from '../platform/db';
import { dbId as n, dbIdOrNull as nOrNull, epochMs as ms, fileId, fileIdOrNull, isoTime } from './convert';
import type { ExportResume } from './format';

// Résumés travel with the organisation (decision 019 kept them out of the file until 026):
// read one at a time from wherever the source keeps them, written into wherever the target
// keeps them (the database or RESUME_DIR), so at most one PDF is in memory at a time.

/** Whether there is any résumé, so a file without them stays as it always was. */
export async function hasResumes(db: DB): Promise<boolean> {
	return Boolean(await db.selectFrom('candidateResume').select('candidateId').limit(1).executeTakeFirst());
}

/** The résumé after candidate `after` (by candidate id), with its PDF, or none. */
export async function readResumes(
	db: DB,
	store: ResumeStore,
	after: number
): Promise<(ExportResume & { key: number })[]> {
	const row = await db
		.selectFrom('candidateResume')
		.selectAll()
		.where('candidateId', '>', after)
		.orderBy('candidateId')
		.limit(1)
		.executeTakeFirst();
	if (!row) return [];
	const bytes = await store.get(row);
	return [
		{
			key: row.candidateId,
			candidateId: fileId(row.candidateId),
			fileName: row.fileName,
			sizeBytes: Number(row.sizeBytes),
			sha256: row.sha256,
			uploadedBy: fileIdOrNull(row.uploadedBy),
			uploadedAt: isoTime(row.uploadedAt),
			content: Buffer.from(bytes).toString('base64')
		}
	];
}

/**
 * Stores each résumé and writes its row. What went into a folder is listed in `stored`,
 * for the import to remove should it not commit.
 */
export async function writeResumes(
	db: DB,
	store: ResumeStore,
	resumes: ExportResume[],
	stored: StoredResume[]
): Promise<void> {
	for (const resume of resumes) {
		const kept = await store.put(new Uint8Array(Buffer.from(resume.content, 'base64')));
		stored.push(kept);
		await db
			.insertInto('candidateResume')
			.values({
				...kept,
				candidateId: n(resume.candidateId),
				fileName: resume.fileName,
				sizeBytes: resume.sizeBytes,
				sha256: resume.sha256,
				uploadedBy: nOrNull(resume.uploadedBy),
				uploadedAt: ms(resume.uploadedAt)
			})
			.execute();
	}
}
