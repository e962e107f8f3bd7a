import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { anonymisedEmail, anonymisedName } from '../../domain/anonymisation';
import { scrubJsonTextMentions, scrubMentions, type Mention } from '../../domain/mentions';
import type { DB } from '../platform/db';
import { likeIgnoringCase } from '../platform/engine/case-insensitive';
import { engineOf } from '../platform/engine/engine-of';

// What Panelist wrote about a candidate for other people, outside the candidate's own records
// (decision 024): mails in the queue (an interview's invitation, a reminder, a debrief's
// readiness, the candidate's own invitation to self-identify), what an SMTP server answered,
// in-app notices, and audit entries that copied a job's error. Anonymising rewrites their name
// and email in all of them, in its transaction; a mail to the candidate themselves is not sent.

/** Tables whose rows this rewrites: their freed space is erased after. */
export const traceTables = ['job', 'jobDelivery', 'notice', 'auditEvent'] as const;

export const notSentReason = 'Not sent: the candidate was anonymised';

interface Person {
	id: number;
	name: string;
	email: string;
}

/** The email first: a name may be part of it, and the whole address must go as one. */
function mentionsOf(candidate: Person): Mention[] {
	return [
		{ find: candidate.email, put: anonymisedEmail(candidate.id) },
		{ find: candidate.name, put: anonymisedName(candidate.id) }
	].filter((m) => m.find.trim() !== '');
}

function likeEscaped(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Rows that may mention them: a cheap filter in SQL; the rewrite itself decides. */
function mayMention(trx: DB, columns: string[], mentions: Mention[]): RawBuilder<SqlBool> {
	const engine = engineOf(trx);
	// Stored JSON escapes a quote or backslash in a name.
	const needles = [...new Set(mentions.flatMap((m) => [m.find, JSON.stringify(m.find).slice(1, -1)]))];
	const tests = columns.flatMap((c) => needles.map((n) => likeIgnoringCase(engine, c, likeEscaped(n))));
	return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}

async function scrubJobs(trx: DB, candidate: Person, mentions: Mention[], now: number): Promise<void> {
	const jobs = await trx
		.selectFrom('job')
		.select(['id', 'kind', 'state', 'payload', 'lastError', 'finishedAt'])
		.where(mayMention(trx, ['payload', 'lastError'], mentions))
		.execute();
	for (const job of jobs) {
		const to = (() => {
			try {
				return (JSON.parse(job.payload) as { to?: unknown }).to;
			} catch {
				return undefined;
			}
		})();
		if (
			job.kind === 'mail.send' &&
			typeof to === 'string' &&
			to.toLowerCase() === candidate.email.toLowerCase()
		) {
			// A mail to the person erased: it has no one left to go to.
			const sent = job.state === 'done';
			await trx
				.updateTable('job')
				.set({
					payload: '{}',
					state: sent ? 'done' : 'dead',
					lastError: sent ? null : notSentReason,
					lockedBy: null,
					lockedUntil: null,
					finishedAt: job.finishedAt ?? now,
					updatedAt: now
				})
				.where('id', '=', job.id)
				.execute();
			continue;
		}
		const payload = scrubJsonTextMentions(job.payload, mentions);
		const lastError = job.lastError === null ? null : scrubMentions(job.lastError, mentions);
		if (payload === job.payload && lastError === job.lastError) continue;
		await trx.updateTable('job').set({ payload, lastError }).where('id', '=', job.id).execute();
	}
}

async function scrubDeliveries(trx: DB, mentions: Mention[]): Promise<void> {
	const rows = await trx
		.selectFrom('jobDelivery')
		.select(['key', 'detail'])
		.where(mayMention(trx, ['detail'], mentions))
		.execute();
	for (const row of rows) {
		const detail = row.detail === null ? null : scrubMentions(row.detail, mentions);
		if (detail !== row.detail)
			await trx.updateTable('jobDelivery').set({ detail }).where('key', '=', row.key).execute();
	}
}

async function scrubNotices(trx: DB, mentions: Mention[]): Promise<void> {
	const rows = await trx
		.selectFrom('notice')
		.select(['id', 'title'])
		.where(mayMention(trx, ['title'], mentions))
		.execute();
	for (const row of rows) {
		const title = scrubMentions(row.title, mentions);
		if (title !== row.title)
			await trx.updateTable('notice').set({ title }).where('id', '=', row.id).execute();
	}
}

/** Entries about others that copied them in (a retried job's error); their own are redacted already. */
async function scrubAuditEntries(trx: DB, mentions: Mention[]): Promise<void> {
	const rows = await trx
		.selectFrom('auditEvent')
		.select(['id', 'before', 'after'])
		.where(mayMention(trx, ['before', 'after'], mentions))
		.execute();
	for (const row of rows) {
		const before = row.before === null ? null : scrubJsonTextMentions(row.before, mentions);
		const after = row.after === null ? null : scrubJsonTextMentions(row.after, mentions);
		if (before === row.before && after === row.after) continue;
		await trx.updateTable('auditEvent').set({ before, after }).where('id', '=', row.id).execute();
	}
}

/** Rewrites every mention of the candidate outside their own records; call in the erasure's transaction. */
export async function scrubCandidateTraces(trx: DB, candidate: Person, now: number): Promise<void> {
	const mentions = mentionsOf(candidate);
	if (!mentions.length) return;
	await scrubJobs(trx, candidate, mentions, now);
	await scrubDeliveries(trx, mentions);
	await scrubNotices(trx, mentions);
	await scrubAuditEntries(trx, mentions);
}
