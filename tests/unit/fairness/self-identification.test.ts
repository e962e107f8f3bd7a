import { afterEach, describe, expect, it } from 'vitest';
import {
	monitoringSettingsSchema,
	offeredOptions,
	preferNotToSay,
	selfIdentificationSchema
} from '../../../src/lib/domain/adverse-impact-settings';
import { validateForm } from '../../../src/lib/domain/validation';
import { configureMail } from '../../../src/lib/server/mail/mail-settings';
import {
	readMonitoringSettings,
	saveMonitoringSettings
} from '../../../src/lib/server/fairness/monitoring-settings';
import {
	getSelfIdentificationPath,
	openSelfIdentification,
	sendSelfIdentificationInvitation,
	saveSelfIdentification,
	withdrawSelfIdentification
} from '../../../src/lib/server/fairness/self-identification';
import { anonymiseCandidate } from '../../../src/lib/server/hiring/candidate-privacy';
import { databaseResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { getSubjectAccessRecord } from '../../../src/lib/server/hiring/subject-access';
import type { DB } from '../../../src/lib/server/platform/db';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { ConflictError, ForbiddenError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newCandidate, newOpening, newUser } from '../../support/seed';

const categories = [
	{ name: 'Gender', options: ['Woman', 'Man', 'Non-binary'] },
	{ name: 'Ethnicity', options: ['Asian', 'Black', 'White'] }
];

afterEach(() => configureMail(null));

function form(entries: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) data.set(k, v);
	return data;
}

async function monitoredCandidate(db: DB) {
	const admin = await newUser(db, { role: 'admin' });
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db);
	const openingId = await newOpening(db, [manager]);
	const candidateId = await newCandidate(db, [openingId]);
	await saveMonitoringSettings(db, admin, { enabled: true, categories });
	const path = await getSelfIdentificationPath(db, recruiter, candidateId);
	const token = path.replace('/self-identify/', '');
	return { admin, recruiter, manager, candidateId, token };
}

const answersOf = (db: DB, candidateId: number) =>
	db
		.selectFrom('demographicAnswer')
		.select(['category', 'answer'])
		.where('candidateId', '=', candidateId)
		.execute();

describe('the monitoring settings', () => {
	it('are off until an admin turns them on; only an admin may', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const candidateId = await newCandidate(db);
		expect((await readMonitoringSettings(db)).enabled).toBe(false);
		await expect(getSelfIdentificationPath(db, recruiter, candidateId)).rejects.toThrow(ConflictError);
		await expect(saveMonitoringSettings(db, recruiter, { enabled: true, categories })).rejects.toThrow(
			ForbiddenError
		);
	});

	it('read categories one a line and always offer “Prefer not to say”, even when typed', () => {
		const parsed = validateForm(
			monitoringSettingsSchema,
			form({
				enabled: 'on',
				categories: 'Gender: Woman, Man, prefer not to say\nAge band: Under 40, 40 or over'
			})
		);
		expect(parsed.ok && parsed.data).toEqual({
			enabled: true,
			categories: [
				{ name: 'Gender', options: ['Woman', 'Man'] },
				{ name: 'Age band', options: ['Under 40', '40 or over'] }
			]
		});
		expect(offeredOptions({ name: 'Gender', options: ['Woman', 'Man'] })).toEqual([
			'Woman',
			'Man',
			preferNotToSay
		]);
	});

	it('refuse a line without options, a repeated option and a repeated category, saying which line', () => {
		const errorOf = (categories: string) => {
			const parsed = validateForm(monitoringSettingsSchema, form({ categories }));
			return parsed.ok ? null : parsed.errors.categories;
		};
		expect(errorOf('Gender')).toBe('Line 1: write the category’s name, a colon, then its options');
		expect(errorOf('Gender: Woman')).toBe('Line 1: give Gender at least two options, separated by commas');
		expect(errorOf('Gender: Woman, woman')).toBe('Line 1: Gender names an option twice');
		expect(errorOf('Gender: A, B\ngender: C, D')).toBe('Line 2: gender is already a category');
		expect(errorOf('  ')).toBe('Give at least one category');
	});
});

describe('self-identification through the candidate’s link', () => {
	it('stores the answers given, skips those left blank, and never shows them back', async () => {
		const db = freshDb();
		const { candidateId, token } = await monitoredCandidate(db);
		expect(await openSelfIdentification(db, token)).toEqual({ categories, answeredAt: null });
		const schema = selfIdentificationSchema(categories);
		const parsed = validateForm(schema, form({ category0: 'Woman' }));
		expect(parsed.ok).toBe(true);
		await saveSelfIdentification(db, token, parsed.ok ? parsed.data : {}, 1000);
		expect(await answersOf(db, candidateId)).toEqual([{ category: 'Gender', answer: 'Woman' }]);
		expect(await openSelfIdentification(db, token)).toEqual({ categories, answeredAt: 1000 });

		await saveSelfIdentification(db, token, { category1: preferNotToSay }, 2000);
		expect(await answersOf(db, candidateId)).toEqual([{ category: 'Ethnicity', answer: preferNotToSay }]);
		await withdrawSelfIdentification(db, token);
		expect(await answersOf(db, candidateId)).toEqual([]);
	});

	it('refuses an option the category does not offer', () => {
		const parsed = validateForm(selfIdentificationSchema(categories), form({ category0: 'Asian' }));
		expect(parsed.ok ? null : parsed.errors.category0).toBe('Choose one of the options for Gender');
	});

	it('does not open for an altered link, or once monitoring is off', async () => {
		const db = freshDb();
		const { admin, candidateId, token } = await monitoredCandidate(db);
		expect(
			await openSelfIdentification(db, token.replace(`${candidateId}.`, `${candidateId + 1}.`))
		).toBeNull();
		expect(await openSelfIdentification(db, `${token}x`)).toBeNull();
		await saveMonitoringSettings(db, admin, { enabled: false, categories });
		expect(await openSelfIdentification(db, token)).toBeNull();
	});

	it('is mailed to the candidate through the mail queue when mail is on, and not otherwise', async () => {
		const db = freshDb();
		const { recruiter, candidateId, token } = await monitoredCandidate(db);
		expect(await sendSelfIdentificationInvitation(db, recruiter, candidateId)).toBe(false);
		configureMail({
			smtpUrl: 'smtp://127.0.0.1:1',
			from: 'panelist@example.com',
			origin: 'https://hr.example'
		});
		expect(await sendSelfIdentificationInvitation(db, recruiter, candidateId)).toBe(true);
		const job = await db.selectFrom('job').select(['kind', 'payload']).executeTakeFirstOrThrow();
		expect(job.kind).toBe('mail.send');
		expect(job.payload).toContain(`https://hr.example/self-identify/${token}`);
		expect(job.payload).toContain('voluntary');
	});

	it('is handed out by hiring staff only, not by a hiring manager or an interviewer', async () => {
		const db = freshDb();
		const { manager, candidateId } = await monitoredCandidate(db);
		const interviewer = await newUser(db);
		await expect(getSelfIdentificationPath(db, manager, candidateId)).rejects.toThrow(ForbiddenError);
		await expect(getSelfIdentificationPath(db, interviewer, candidateId)).rejects.toThrow(ForbiddenError);
	});
});

describe('a candidate’s answers and their personal data', () => {
	it('go when the candidate is anonymised, and the link stops working', async () => {
		const db = freshDb();
		const { recruiter, candidateId, token } = await monitoredCandidate(db);
		await saveSelfIdentification(db, token, { category0: 'Man', category1: 'Black' });
		const other = await newCandidate(db);
		const otherToken = (await getSelfIdentificationPath(db, recruiter, other)).replace('/self-identify/', '');
		await saveSelfIdentification(db, otherToken, { category0: 'Woman' });

		await anonymiseCandidate(db, recruiter, candidateId, { reason: 'Asked' }, databaseResumeStore);
		expect(await answersOf(db, candidateId)).toEqual([]);
		expect(await answersOf(db, other)).toEqual([{ category: 'Gender', answer: 'Woman' }]);
		expect(await openSelfIdentification(db, token)).toBeNull();
	});

	it('are in the candidate’s subject access record an admin makes; a recruiter’s says only that they are held', async () => {
		const db = freshDb();
		const { admin, recruiter, candidateId, token } = await monitoredCandidate(db);
		await saveSelfIdentification(db, token, { category0: 'Non-binary' }, 5000);
		const store = databaseResumeStore;
		const forAdmin = await getSubjectAccessRecord(db, admin, candidateId, 'json', store);
		expect(forAdmin.selfIdentification).toEqual({
			answers: [{ category: 'Gender', answer: 'Non-binary', answeredAt: 5000 }],
			withheld: null
		});
		const forRecruiter = await getSubjectAccessRecord(db, recruiter, candidateId, 'json', store);
		expect(forRecruiter.selfIdentification.answers).toEqual([]);
		expect(forRecruiter.selfIdentification.withheld).toMatch(/Only an admin’s copy/);
		expect(JSON.stringify(forRecruiter)).not.toContain('Non-binary');
	});

	it('are never in the organisation’s export', async () => {
		const db = freshDb();
		const { token } = await monitoredCandidate(db);
		await saveSelfIdentification(db, token, { category0: 'Non-binary', category1: 'Asian' });
		const exported = await exportOrganisation(db, Date.now());
		// The option names are in it (the settings' audit entry), but no answer of anyone.
		expect(exported).not.toMatch(/demographic|answeredAt/i);
	});
});
