import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { z } from 'zod';
import type { DB } from '../platform/db';
import { enqueueJob, PermanentJobError, registerJobHandler } from '../jobs/queue';
import { mailSettings, type MailSettings } from './mail-settings';

// Mail through the job queue (decisions 020 and 021): enqueueMail writes the message as a job
// in the change's transaction; the `mail.send` handler sends it over SMTP. The message is
// composed when queued, so the job is the whole mail; once sent its payload is cleared, so
// addresses and links (an invite's, a reset's) do not stay in the queue.

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** An iCalendar invitation (decision 022), sent as the text/calendar part mail clients act on. */
	calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

const messageSchema = z.object({
	to: z.email(),
	subject: z.string().min(1).max(300),
	text: z.string().min(1),
	html: z.string().min(1),
	calendar: z.object({ method: z.enum(['REQUEST', 'CANCEL']), content: z.string().min(1) }).optional()
});

/**
 * Queues a mail under idempotency key `key`, in the transaction of the change. Does nothing
 * while mail is off (no SMTP_URL), and returns whether it queued.
 */
export async function enqueueMail(
	trx: DB,
	key: string,
	message: MailMessage,
	now = Date.now()
): Promise<boolean> {
	if (!mailSettings()) return false;
	return enqueueJob(trx, { kind: 'mail.send', key, payload: message }, now);
}

type Transporter = ReturnType<typeof createTransport>;

let transport: { settings: MailSettings; mailer: Transporter } | undefined;

function transporterFor(settings: MailSettings): Transporter {
	if (transport?.settings !== settings) {
		// Well inside the job's lease (JOB_LEASE_SECONDS): a hung server fails the attempt, not the queue.
		const mailer = createTransport({
			url: settings.smtpUrl,
			connectionTimeout: 15_000,
			greetingTimeout: 15_000,
			socketTimeout: 30_000
		});
		transport = { settings, mailer };
	}
	return transport.mailer;
}

/** The same Message-ID for every attempt of one job, so a receiver can tell a resend. */
function messageIdFor(key: string, from: string): string {
	const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'panelist.invalid';
	return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

registerJobHandler('mail.send', {
	payload: messageSchema,
	run: async (job) => {
		const settings = mailSettings();
		if (!settings) throw new PermanentJobError('Mail is off: SMTP_URL is not set');
		const { calendar, ...message } = job.payload;
		const info = await transporterFor(settings).sendMail({
			from: settings.from,
			...message,
			...(calendar ? { icalEvent: { method: calendar.method, content: calendar.content } } : {}),
			messageId: messageIdFor(job.key, settings.from)
		});
		return {
			detail: String(info.response ?? '').slice(0, 500),
			onDone: async (trx) => {
				await trx.updateTable('job').set({ payload: '{}' }).where('id', '=', job.id).execute();
			}
		};
	}
});
