import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { defaultMonitoringSettings } from '../../../src/lib/domain/adverse-impact-settings';
import { day, hour } from '../../../src/lib/domain/time';
import { webhookEventTypes } from '../../../src/lib/domain/webhooks';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { saveMonitoringSettings } from '../../../src/lib/server/fairness/monitoring-settings';
import {
	getSelfIdentificationPath,
	saveSelfIdentification,
	sendSelfIdentificationInvitation
} from '../../../src/lib/server/fairness/self-identification';
import { anonymiseCandidate } from '../../../src/lib/server/hiring/candidate-privacy';
import { updateCandidate } from '../../../src/lib/server/hiring/candidates';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { rescheduleInterview } from '../../../src/lib/server/hiring/panel';
import { databaseResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { uploadResume } from '../../../src/lib/server/hiring/resumes';
import '../../../src/lib/server/jobs/job-kinds';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import { configureMail } from '../../../src/lib/server/mail/mail-settings';
import type { MailMessage } from '../../../src/lib/server/mail/mailer';
import { listNotices } from '../../../src/lib/server/notify/notices';
import { createWebhook } from '../../../src/lib/server/outbound/webhooks';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { freshDb, freshDbPath } from '../helpers/db';
import { parseCalendar } from '../../support/icalendar';
import { newCandidate, newLoop, newOpening, newUser, submitAs, type SeededUser } from '../../support/seed';
import { startMailbox, type Mailbox } from '../../support/smtp-mailbox';

// Issue 18's test of erasure, for everything Panelist writes about a candidate beyond their
// own records (decision 024): after anonymising, their name, email and words are nowhere in
// the database (on SQLite the file's and WAL's bytes, on PostgreSQL every text column) or in
// an export, though mails about them were sent, failed and still queued, notices were
// stored and webhooks fired. The name has a comma, which an invitation's iCalendar escapes.

const origin = 'https://panelist.example.com';
const t0 = Date.UTC(2026, 11, 7, 9);
const words = {
	/** What they were called when first added, corrected later. */
	former: 'Ostrawinska',
	surname: 'Vexmarthe',
	given: 'Quillonia',
	email: 'quillonia.vexmarthe@trace-mail.example',
	notes: 'Prefers calls after Zorbagrad time',
	summary: 'Quillonia sketched a Krevitz heap',
	rationale: 'Strong Krevitz heap design',
	resume: 'Curriculum of Quillonia in Ploskavo'
};
let mailbox: Mailbox;

beforeAll(async () => {
	mailbox = await startMailbox();
});
afterAll(() => mailbox.close());
afterEach(() => configureMail(null));

const mailOn = () => configureMail({ smtpUrl: mailbox.url, from: 'Panelist <panelist@example.com>', origin });

/** The words found in a database's stored text: the file and WAL on SQLite, every text column on PostgreSQL. */
async function wordsIn(db: DB, file: string | undefined): Promise<string[]> {
	if (file) {
		const wal = fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0);
		const bytes = Buffer.concat([fs.readFileSync(file), wal]);
		return Object.values(words).filter((w) => bytes.includes(Buffer.from(w)));
	}
	const { rows: columns } = await sql<{ tableName: string; columnName: string; dataType: string }>`
		select table_name, column_name, data_type from information_schema.columns
		where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb', 'bytea')`.execute(
		db
	);
	const found = new Set<string>();
	for (const c of columns) {
		const text =
			c.dataType === 'bytea'
				? sql`encode(${sql.ref(c.columnName)}, 'escape')`
				: sql`${sql.ref(c.columnName)}::text`;
		const { rows } = await sql<{ v: string }>`select ${text} as v from ${sql.table(c.tableName)}`.execute(db);
		for (const w of Object.values(words)) if (rows.some((r) => r.v?.includes(w))) found.add(w);
	}
	return Object.values(words).filter((w) => found.has(w));
}

it('leaves no trace of the candidate in queued, failed or sent mail, notices, webhooks or audit entries', async () => {
	const file = inject('testEngine') === 'postgres' ? undefined : freshDbPath();
	const db = file ? openDatabase(file) : freshDb();
	const admin = await newUser(db, { role: 'admin' });
	const manager = await newUser(db, { name: 'Manager' });
	const panel = [await newUser(db, { name: 'Panelist 0' }), await newUser(db, { name: 'Panelist 1' })];
	const openingId = await newOpening(db, [manager]);
	const candidateId = await newCandidate(db, [openingId], `${words.former} ${words.given}`);
	await uploadResume(
		db,
		admin,
		candidateId,
		{ name: 'cv.pdf', bytes: new TextEncoder().encode(`%PDF-1.7\n${words.resume}\n%%EOF\n`) },
		{ store: databaseResumeStore, maxBytes: 10_000 }
	);
	await createWebhook(db, admin, { url: 'http://127.0.0.1:9/hook', events: [...webhookEventTypes] });
	await saveMonitoringSettings(db, admin, { ...defaultMonitoringSettings, enabled: true });

	// Invitations to the interviews are mailed and delivered; the notices name the candidate.
	mailOn();
	const loop = await createLoop(
		db,
		admin,
		{
			candidateId,
			openingId,
			panel: panel.map((p, i) => ({ round: i, interviewerIds: [p.id], scheduledAt: t0 + i * hour }))
		},
		t0 - 2 * day
	);
	await runDueJobs(db, { now: () => t0 - 2 * day });
	await mailbox.waitForCount(2);
	// Their name and email are corrected: what was written under the first name follows.
	const name = `${words.surname}, ${words.given}`;
	await updateCandidate(db, admin, candidateId, {
		name,
		email: words.email,
		notes: words.notes,
		openingIds: [openingId]
	});
	// The scorecards are late: reminders, then escalations, mailed and noticed.
	for (let days = 1; days <= 4; days++) await runDueJobs(db, { now: () => t0 + days * day });
	// One interview moves; the panel submits; with mail off, both mails fail for good.
	await rescheduleInterview(db, admin, loop.loopId, loop.scorecards[1]!.id, t0 + 5 * day, t0 + 4 * day);
	for (const [i, who] of panel.entries())
		await submitAs(db, who, loop.scorecards[i]!.id, { summary: words.summary });
	configureMail(null);
	await runDueJobs(db, { now: () => t0 + 4 * day });
	mailOn();
	// The candidate answers the self-identification questions; their invitation stays queued.
	const token = (await getSelfIdentificationPath(db, admin, candidateId)).split('/').at(-1)!;
	await saveSelfIdentification(db, token, { category0: 'Woman' }, t0);
	expect(await sendSelfIdentificationInvitation(db, admin, candidateId, t0 + 4 * day)).toBe(true);
	await recordDecision(db, admin, loop.loopId, {
		outcome: 'hire',
		rationale: words.rationale,
		dissent: '',
		attendeeIds: [admin.id],
		changeReason: ''
	});
	const kinds = await db.selectFrom('notice').select('kind').distinct().orderBy('kind').execute();
	expect(kinds.map((k) => k.kind)).toEqual(['escalation', 'invitation', 'ready_for_debrief', 'reminder']);
	const states = await db
		.selectFrom('job')
		.select(['kind', 'state'])
		.where('kind', '=', 'mail.send')
		.execute();
	expect(new Set(states.map((s) => s.state))).toEqual(new Set(['done', 'queued', 'dead']));
	const written = Object.values(words).filter((w) => w !== words.former);
	expect(await wordsIn(db, file)).toEqual(expect.arrayContaining(written));

	await anonymiseCandidate(
		db,
		admin,
		candidateId,
		{ reason: 'Erasure request, ticket 77' },
		databaseResumeStore,
		t0 + 6 * day
	);

	expect(await wordsIn(db, file)).toEqual([]);
	const exported = await exportOrganisation(db, t0 + 6 * day);
	expect(Object.values(words).filter((w) => exported.includes(w))).toEqual([]);
	// Panelists' notices still link to their interviews, about the anonymised candidate.
	const titles = (await listNotices(db, panel[0]!)).map((n) => n.title);
	expect(
		titles.filter((t) => t.startsWith(`Interview with Anonymised candidate ${candidateId} · `))
	).toHaveLength(1);
	// The failed invitation reads as sent, about the anonymised candidate, for an admin retrying it.
	const dead = await db
		.selectFrom('job')
		.select('payload')
		.where('kind', '=', 'mail.send')
		.where('state', '=', 'dead')
		.execute();
	const calendars = dead.flatMap((j) => (JSON.parse(j.payload) as MailMessage).calendar ?? []);
	expect(calendars.map((c) => parseCalendar(c.content).events[0]!.summary)).toEqual([
		`Interview: Anonymised candidate ${candidateId} · ${loop.rounds[1]!.title}`
	]);
	// The mail to the erased candidate is never sent.
	mailbox.messages.length = 0;
	await runDueJobs(db, { now: () => t0 + 7 * day });
	const sent = mailbox.messages.map((m) => `${m.to && 'text' in m.to ? m.to.text : ''}: ${m.subject}`);
	expect(sent.filter((s) => s.includes(words.email) || s.includes('anonymised.invalid'))).toEqual([]);
	if (file) await db.destroy();
}, 60_000);

it('rewrites only what is about them: another candidate of the same name keeps theirs', async () => {
	const db = freshDb();
	const first = await newLoop(db);
	const second = await newLoop(db);
	for (const [i, who] of first.panel.entries()) await submitAs(db, who, first.scorecards[i]!.id);
	await recordDecision(db, first.recruiter, first.loopId, {
		outcome: 'no_hire',
		rationale: 'Not this time',
		dissent: '',
		attendeeIds: [first.recruiter.id],
		changeReason: ''
	});
	await anonymiseCandidate(
		db,
		first.recruiter,
		first.candidateId,
		{ reason: 'Erasure' },
		databaseResumeStore
	);

	const invitation = async (who: SeededUser) =>
		(await listNotices(db, who)).map((n) => n.title).find((t) => t.startsWith('Interview with '));
	expect(await invitation(first.panel[0]!)).toMatch(
		new RegExp(`^Interview with Anonymised candidate ${first.candidateId} · `)
	);
	expect(await invitation(second.panel[0]!)).toMatch(/^Interview with Ada · /);
});
