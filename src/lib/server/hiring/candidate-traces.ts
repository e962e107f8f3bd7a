import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { anonymisedEmail, anonymisedName } from '../../domain/anonymisation';
import { scrubJsonTextMentions, scrubMentions, type Mention } from '../../domain/mentions';
import type { DB } from '../platform/db';
import { likeIgnoringCase } from '../platform/engine/case-insensitive';
import { engineOf } from '../platform/engine/engine-of';

// What Panelist wrote about a candidate for other people, outside the candidate's own records
// (decision 024): mails in the queue (an interview's invitation, a reminder, a debrief's
// readiness, the candidate's own invitation to self-identify), what an SMTP server answered,
// in-app notices, and audit entries that copied a job's error. Their name and email there are
// rewritten when they change and when they are anonymised, in that change's transaction;
// a mail to an anonymised candidate is not sent. Names are not unique, so a name is rewritten
// only in what is about this candidate: a notice or mail linking to one of their loops or
// interviews, or one naming their email (which is unique).

/** Tables whose rows this rewrites: their freed space is erased after. */
export const traceTables = ['job', 'jobDelivery', 'notice', 'auditEvent'] as const;

export const notSentReason = 'Not sent: the candidate was anonymised';

/** A candidate's name and email as they were, and as they are to read now. */
interface Rename {
	from: { name: string; email: string };
	to: { name: string; email: string };
}

/** The email first: a name may be part of it, and the whole address must go as one. */
function mentionsOf({ from, to }: Rename): { all: Mention[]; email: Mention[] } {
	const email = from.email.trim() && from.email !== to.email ? [{ find: from.email, put: to.email }] : [];
	const name = from.name.trim() && from.name !== to.name ? [{ find: from.name, put: to.name }] : [];
	return { all: [...email, ...name], email };
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

/** The candidate's pages others are sent to: their loops and the interviews on them. */
async function pagesOf(trx: DB, candidateId: number): Promise<Set<string>> {
	const seats = await trx
		.selectFrom('loop')
		.leftJoin('scorecard', 'scorecard.loopId', 'loop.id')
		.select(['loop.id as loopId', 'scorecard.id as scorecardId'])
		.where('loop.candidateId', '=', candidateId)
		.execute();
	return new Set(
		seats.flatMap((s) => [
			`loops/${s.loopId}`,
			...(s.scorecardId === null ? [] : [`interviews/${s.scorecardId}`])
		])
	);
}

/** Whether a text links to one of the pages, or names the (unique) email. */
function isAbout(text: string, pages: Set<string>, email: string): boolean {
	if (email && text.toLowerCase().includes(email.toLowerCase())) return true;
	for (const [, page] of text.matchAll(/\/((?:loops|interviews)\/\d+)(?!\d)/g))
		if (pages.has(page!)) return true;
	return false;
}

function parsedTo(payload: string): string | undefined {
	try {
		const to = (JSON.parse(payload) as { to?: unknown }).to;
		return typeof to === 'string' ? to : undefined;
	} catch {
		return undefined;
	}
}

/** A mail to the person erased has no one left to go to: it ends, emptied, unsent. */
async function dropMailsTo(trx: DB, email: string, now: number): Promise<void> {
	const jobs = await trx
		.selectFrom('job')
		.select(['id', 'state', 'payload', 'finishedAt'])
		.where('kind', '=', 'mail.send')
		.where(mayMention(trx, ['payload'], [{ find: email, put: '' }]))
		.execute();
	for (const job of jobs) {
		if (parsedTo(job.payload)?.toLowerCase() !== email.toLowerCase()) continue;
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
	}
}

async function rewriteJobs(
	trx: DB,
	pages: Set<string>,
	email: string,
	m: { all: Mention[]; email: Mention[] }
) {
	const jobs = await trx
		.selectFrom('job')
		.select(['id', 'payload', 'lastError'])
		.where(mayMention(trx, ['payload', 'lastError'], m.all))
		.execute();
	for (const job of jobs) {
		const mentions = isAbout(job.payload, pages, email) ? m.all : m.email;
		const payload = scrubJsonTextMentions(job.payload, mentions);
		// An SMTP server's answer quotes addresses, not names.
		const lastError = job.lastError === null ? null : scrubMentions(job.lastError, m.email);
		if (payload === job.payload && lastError === job.lastError) continue;
		await trx.updateTable('job').set({ payload, lastError }).where('id', '=', job.id).execute();
	}
}

async function rewriteDeliveries(trx: DB, mentions: Mention[]): Promise<void> {
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

async function rewriteNotices(trx: DB, pages: Set<string>, mentions: Mention[]): Promise<void> {
	const rows = await trx
		.selectFrom('notice')
		.select(['id', 'title', 'href'])
		.where(mayMention(trx, ['title'], mentions))
		.execute();
	for (const row of rows) {
		if (!isAbout(row.href, pages, '')) continue;
		const title = scrubMentions(row.title, mentions);
		if (title !== row.title)
			await trx.updateTable('notice').set({ title }).where('id', '=', row.id).execute();
	}
}

/** Entries about others that copied the email in (a retried job's error); their own are redacted apart. */
async function rewriteAuditEntries(trx: DB, mentions: Mention[]): Promise<void> {
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

/**
 * Their old name and email become the new ones in what was written about them for others:
 * on an edit, so an anonymisation later finds what it must, and on the anonymisation itself.
 */
export async function rewriteCandidateMentions(trx: DB, candidateId: number, rename: Rename): Promise<void> {
	const mentions = mentionsOf(rename);
	if (!mentions.all.length) return;
	const pages = await pagesOf(trx, candidateId);
	await rewriteJobs(trx, pages, rename.from.email, mentions);
	if (mentions.email.length) {
		await rewriteDeliveries(trx, mentions.email);
		await rewriteAuditEntries(trx, mentions.email);
	}
	await rewriteNotices(trx, pages, mentions.all);
}

/** Every trace of the candidate outside their own records; call in the erasure's transaction. */
export async function scrubCandidateTraces(
	trx: DB,
	candidate: { id: number; name: string; email: string },
	now: number
): Promise<void> {
	await dropMailsTo(trx, candidate.email, now);
	await rewriteCandidateMentions(trx, candidate.id, {
		from: candidate,
		to: { name: anonymisedName(candidate.id), email: anonymisedEmail(candidate.id) }
	});
}
