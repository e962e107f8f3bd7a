import { z } from 'zod';
import { isDigestible, planDigest } from '../../domain/notice-digest';
import { count } from '../../domain/plural';
import { enqueueJob, registerJobHandler } from '../jobs/queue';
import { composeMail } from '../mail/compose';
import { mailSettings } from '../mail/mail-settings';
import { enqueueMail } from '../mail/mailer';
import type { DB } from '../platform/db';

// The daily digest (decision 027): a notice for someone who chose it is marked as waiting, and
// one `notice.digest` job per person and local day, keyed so, mails what waits at their send
// time and clears it in the transaction that marks the job done; a crash before that runs the
// job again, and the mail's own key sends it once. The bell shows the notices at once anyway.

export const digestJobKind = 'notice.digest';

const payloadSchema = z.object({
	userId: z.number().int(),
	/** The local day the digest counts for, YYYY-MM-DD. */
	day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
});

/** A digest lists this many notices; the rest are a link away. */
const listedAtMost = 50;

async function readNoticeRow(db: DB, userId: number) {
	return db
		.selectFrom('userNoticeSetting')
		.select(['timeZone', 'sendMinutes', 'mailMode', 'lastDigestOn'])
		.where('userId', '=', userId)
		.executeTakeFirst();
}

/** Whether this person's notice of `kind` waits for their digest rather than mailing at once. */
export async function waitsForDigest(db: DB, userId: number, kind: string): Promise<boolean> {
	if (!isDigestible(kind) || !mailSettings()) return false;
	return (await readNoticeRow(db, userId))?.mailMode === 'digest';
}

/** Queues the person's next digest; one already queued for that day is left as it is. */
export async function queueDigest(trx: DB, userId: number, now: number): Promise<void> {
	const row = await readNoticeRow(trx, userId);
	if (!row) return;
	let lastDigestOn = row.lastDigestOn;
	for (let tries = 0; tries < 2; tries++) {
		const slot = planDigest(now, row.timeZone, row.sendMinutes, lastDigestOn);
		const key = `digest:${userId}:${slot.day}`;
		const payload = { userId, day: slot.day };
		if (await enqueueJob(trx, { kind: digestJobKind, key, payload, runAt: slot.at }, now)) return;
		const taken = await trx.selectFrom('job').select('state').where('key', '=', key).executeTakeFirst();
		if (!taken || taken.state === 'queued') return;
		// That day's digest is running or done already: this notice waits for the next day's.
		lastDigestOn = slot.day;
	}
}

async function readWaitingNotices(db: DB, userId: number) {
	return db
		.selectFrom('notice')
		.select(['id', 'title', 'href'])
		.where('userId', '=', userId)
		.where('digestPending', '=', 1)
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
}

/**
 * After a change of one's notice settings: the queued digest moves to the new time, and what
 * still waits goes in it even when the choice is now "at once" (a last digest, nothing lost).
 */
export async function replanDigest(trx: DB, userId: number, now: number): Promise<void> {
	await trx
		.deleteFrom('job')
		.where('kind', '=', digestJobKind)
		.where('state', '=', 'queued')
		.where('key', 'like', `digest:${userId}:%`)
		.execute();
	if ((await readWaitingNotices(trx, userId)).length) await queueDigest(trx, userId, now);
}

type WaitingNotice = Awaited<ReturnType<typeof readWaitingNotices>>[number];

function composeDigestMail(user: { name: string; email: string }, notices: WaitingNotice[], origin: string) {
	const listed = notices.slice(0, listedAtMost);
	const more = notices.length - listed.length;
	return composeMail({
		to: user.email,
		subject: `Your Panelist digest: ${count(notices.length, 'new notice')}`,
		paragraphs: [
			`Hello ${user.name},`,
			'Since your last digest:',
			...(more > 0
				? [`The first ${listed.length} are below, ${more} more are on your notifications page.`]
				: [])
		],
		items: listed.map((n) => ({ label: n.title, href: `${origin}${n.href}` })),
		link: { href: `${origin}/notifications`, label: 'Open your notifications' },
		footer:
			'You get this once a day at your send time because you chose a daily digest in your settings. Reminders and calendar invitations still come at once.'
	});
}

registerJobHandler(digestJobKind, {
	payload: payloadSchema,
	run: async ({ payload }, { now }) => {
		const { userId, day } = payload;
		return {
			onDone: async (trx) => {
				// The day is spent even with nothing to send: a later send time that same day adds no second digest.
				await trx
					.updateTable('userNoticeSetting')
					.set({ lastDigestOn: day })
					.where('userId', '=', userId)
					.where((eb) => eb.or([eb('lastDigestOn', 'is', null), eb('lastDigestOn', '<', day)]))
					.execute();
				const user = await trx
					.selectFrom('user')
					.select(['name', 'email'])
					.where('id', '=', userId)
					.where('deactivatedAt', 'is', null)
					.executeTakeFirst();
				const notices = await readWaitingNotices(trx, userId);
				const settings = mailSettings();
				if (!user || !notices.length) return;
				if (settings) {
					const mail = composeDigestMail(user, notices, settings.origin);
					await enqueueMail(trx, `digest-mail:${userId}:${day}`, mail, now);
				}
				const listed = notices.map((n) => n.id);
				await trx.updateTable('notice').set({ digestPending: 0 }).where('id', 'in', listed).execute();
			}
		};
	}
});
