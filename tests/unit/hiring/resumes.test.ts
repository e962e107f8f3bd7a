import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { InputError, NotFoundError } from '../../../src/lib/server/platform/errors';
import {
	databaseResumeStore,
	folderResumeStore,
	type ResumeStore
} from '../../../src/lib/server/hiring/resume-store';
import {
	getResumeInfo,
	readResume,
	removeResume,
	ResumeNotPdfError,
	ResumeTooLargeError,
	uploadResume
} from '../../../src/lib/server/hiring/resumes';
import { freshDb } from '../helpers/db';
import { newLoop, newUser } from '../../support/seed';

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);

function folder(): { dir: string; store: ResumeStore } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-resumes-'));
	return { dir, store: folderResumeStore(dir) };
}

const stores: [string, () => { dir: string | null; store: ResumeStore }][] = [
	['in the database', () => ({ dir: null, store: databaseResumeStore })],
	['in a folder', folder]
];

describe.each(stores)('a résumé kept %s', (_, makeStore) => {
	it('is uploaded by the recruiter, replaced whole, read by the panel and the hiring manager', async () => {
		const db = freshDb();
		const { recruiter, manager, panel, candidateId } = await newLoop(db);
		const { dir, store } = makeStore();
		const settings = { store, maxBytes: 1000 };

		await uploadResume(db, recruiter, candidateId, { name: 'ada.pdf', bytes: pdf('first') }, settings);
		await uploadResume(
			db,
			manager,
			candidateId,
			{ name: 'Ada Lovelace CV.pdf', bytes: pdf('second') },
			settings
		);

		for (const reader of [panel[0]!, manager, recruiter]) {
			const { fileName, bytes } = await readResume(db, reader, candidateId, store);
			expect(fileName).toBe('Ada Lovelace CV.pdf');
			expect(new TextDecoder().decode(bytes)).toContain('second');
		}
		expect(await getResumeInfo(db, panel[1]!, candidateId)).toMatchObject({
			fileName: 'Ada Lovelace CV.pdf'
		});
		// Replacing keeps nothing of the first file.
		if (dir) expect(fs.readdirSync(dir)).toHaveLength(1);

		const trail = await listAuditEvents(db, 'candidate', candidateId);
		expect(trail.map((e) => e.action).filter((a) => a.startsWith('resume.'))).toEqual([
			'resume.upload',
			'resume.replace'
		]);

		await removeResume(db, recruiter, candidateId, store);
		expect(await getResumeInfo(db, manager, candidateId)).toBeNull();
		await expect(readResume(db, manager, candidateId, store)).rejects.toBeInstanceOf(NotFoundError);
		if (dir) expect(fs.readdirSync(dir)).toEqual([]);
		const actions = (await listAuditEvents(db, 'candidate', candidateId)).map((e) => e.action);
		expect(actions.at(-1)).toBe('resume.remove');
	});

	it('refuses a file that is not a PDF, or too large, and changes nothing', async () => {
		const db = freshDb();
		const { recruiter, candidateId } = await newLoop(db);
		const { dir, store } = makeStore();
		const settings = { store, maxBytes: 100 };
		await uploadResume(db, recruiter, candidateId, { name: 'ada.pdf', bytes: pdf('kept') }, settings);

		const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
		await expect(
			uploadResume(db, recruiter, candidateId, { name: 'cv.pdf', bytes: html }, settings)
		).rejects.toBeInstanceOf(ResumeNotPdfError);
		await expect(
			uploadResume(db, recruiter, candidateId, { name: 'big.pdf', bytes: pdf('x'.repeat(200)) }, settings)
		).rejects.toBeInstanceOf(ResumeTooLargeError);
		await expect(
			uploadResume(db, recruiter, candidateId, { name: 'empty.pdf', bytes: new Uint8Array() }, settings)
		).rejects.toBeInstanceOf(InputError);

		const { fileName, bytes } = await readResume(db, recruiter, candidateId, store);
		expect(fileName).toBe('ada.pdf');
		expect(new TextDecoder().decode(bytes)).toContain('kept');
		if (dir) expect(fs.readdirSync(dir)).toHaveLength(1);
		const actions = (await listAuditEvents(db, 'candidate', candidateId)).map((e) => e.action);
		expect(actions.filter((a) => a.startsWith('resume.'))).toEqual(['resume.upload']);
	});
});

describe('who may see a résumé', () => {
	it('hides it from an interviewer off the panel, as if the candidate did not exist', async () => {
		const db = freshDb();
		const { recruiter, candidateId } = await newLoop(db);
		const stranger = await newUser(db, { name: 'Lena' });
		await uploadResume(
			db,
			recruiter,
			candidateId,
			{ name: 'ada.pdf', bytes: pdf('secret') },
			{
				store: databaseResumeStore,
				maxBytes: 1000
			}
		);
		await expect(readResume(db, stranger, candidateId, databaseResumeStore)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(getResumeInfo(db, stranger, candidateId)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('lets no panelist upload or remove one: that is for those who run the opening', async () => {
		const db = freshDb();
		const { recruiter, panel, candidateId } = await newLoop(db);
		const settings = { store: databaseResumeStore, maxBytes: 1000 };
		await uploadResume(db, recruiter, candidateId, { name: 'ada.pdf', bytes: pdf('kept') }, settings);
		await expect(
			uploadResume(db, panel[0]!, candidateId, { name: 'mine.pdf', bytes: pdf('mine') }, settings)
		).rejects.toThrow();
		await expect(removeResume(db, panel[0]!, candidateId, databaseResumeStore)).rejects.toThrow();
		expect(await getResumeInfo(db, recruiter, candidateId)).toMatchObject({ fileName: 'ada.pdf' });
	});
});
