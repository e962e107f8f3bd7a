import { z } from 'zod';
import { interviewEndOf, planNextReminder, type ReminderStep } from '../../domain/reminders';
import { enqueueJob, registerJobHandler } from '../jobs/queue';
import { enqueueMail } from '../mail/mailer';
import { mailSettings } from '../mail/mail-settings';
import type { DB } from '../platform/db';
import { addNotice } from './notices';
import {
	composeEscalationMail,
	composeReminderMail,
	type Recipient,
	type ReminderSeat
} from './reminder-mail';
import { readNoticeTime, readOpeningReminderSettings } from './reminder-settings';

// Reminders run as jobs (decisions 020 and 027): one queued job per scorecard at a time, keyed
// by scorecard, plan and step. A job looks at the seat again when it runs and stops once the
// scorecard is in, the seat gone, or the loop cancelled or decided; otherwise it sends its
// step's mails and queues the next step, both in the transaction that marks it done.

export const reminderJobKind = 'reminder.send';

const payloadSchema = z.object({
	scorecardId: z.number().int(),
	/** Names the schedule: a new one starts when the seat is assigned or rescheduled. */
	plan: z.string().min(1),
	step: z.number().int().min(0),
	/** The interview's start this schedule was made for. */
	scheduledAt: z.number(),
	remind: z.boolean(),
	escalate: z.boolean(),
	escalated: z.boolean(),
	lastRemindedAt: z.number().nullable()
});
export type ReminderPayload = z.output<typeof payloadSchema>;

/** The prefix of every reminder job key of a scorecard. */
export function reminderKeyPrefix(scorecardId: number): string {
	return `reminder:${scorecardId}:`;
}

export async function enqueueReminderStep(
	trx: DB,
	payload: ReminderPayload,
	step: ReminderStep,
	now: number
): Promise<void> {
	await enqueueJob(
		trx,
		{
			kind: reminderJobKind,
			key: `${reminderKeyPrefix(payload.scorecardId)}${payload.plan}:${payload.step}`,
			payload: { ...payload, remind: step.remind, escalate: step.escalate },
			runAt: step.at
		},
		now
	);
}

/** The seat while reminders still apply to it; undefined once they do not. */
async function readOpenSeat(
	db: DB,
	scorecardId: number,
	scheduledAt: number
): Promise<ReminderSeat | undefined> {
	const row = await db
		.selectFrom('scorecard')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('opening', 'opening.id', 'loop.openingId')
		.innerJoin('user', 'user.id', 'scorecard.interviewerId')
		.select([
			'scorecard.id as scorecardId',
			'scorecard.loopId',
			'loop.openingId',
			'scorecard.interviewerId',
			'user.name as interviewerName',
			'user.email as interviewerEmail',
			'candidate.name as candidateName',
			'opening.title as openingTitle',
			'loopRound.title as roundTitle',
			'loopRound.durationMinutes',
			'scorecard.scheduledAt'
		])
		.where('scorecard.id', '=', scorecardId)
		.where('scorecard.status', '!=', 'submitted')
		.where('scorecard.scheduledAt', '=', scheduledAt)
		.where('loop.cancelledAt', 'is', null)
		.where('loop.outcome', 'is', null)
		.where('user.deactivatedAt', 'is', null)
		.executeTakeFirst();
	if (!row) return undefined;
	const { durationMinutes, ...seat } = row;
	return { ...seat, interviewEnd: interviewEndOf(seat.scheduledAt, durationMinutes) };
}

/** Who hears of a late scorecard: the opening's hiring managers and the loop's recruiter, not the late one. */
async function escalationRecipients(db: DB, seat: ReminderSeat): Promise<Recipient[]> {
	const managers = await db
		.selectFrom('openingHiringManager')
		.innerJoin('user', 'user.id', 'openingHiringManager.userId')
		.select(['user.id', 'user.name', 'user.email'])
		.where('openingHiringManager.openingId', '=', seat.openingId)
		.where('user.deactivatedAt', 'is', null)
		.execute();
	const recruiter = await db
		.selectFrom('loop')
		.innerJoin('user', 'user.id', 'loop.createdBy')
		.select(['user.id', 'user.name', 'user.email'])
		.where('loop.id', '=', seat.loopId)
		.where('user.role', 'in', ['recruiter', 'admin'])
		.where('user.deactivatedAt', 'is', null)
		.execute();
	const byId = new Map([...managers, ...recruiter].map((r) => [r.id, r]));
	byId.delete(seat.interviewerId);
	return [...byId.values()].sort((a, b) => a.id - b.id);
}

async function addStepNotices(trx: DB, seat: ReminderSeat, job: ReminderPayload, now: number): Promise<void> {
	const key = `${job.scorecardId}:${job.plan}:${job.step}`;
	const about = `${seat.candidateName} · ${seat.roundTitle}`;
	if (job.remind) {
		const notice = { userId: seat.interviewerId, kind: 'reminder' as const, key: `reminder:${key}` };
		await addNotice(
			trx,
			{ ...notice, title: `Scorecard not in yet: ${about}`, href: `/interviews/${seat.scorecardId}` },
			now
		);
	}
	if (job.escalate) {
		for (const recipient of await escalationRecipients(trx, seat)) {
			const title = `Overdue scorecard: ${seat.interviewerName} · ${about}`;
			const notice = {
				userId: recipient.id,
				kind: 'escalation' as const,
				key: `escalation:${key}:${recipient.id}`
			};
			await addNotice(trx, { ...notice, title, href: `/loops/${seat.loopId}` }, now);
		}
	}
}

async function sendStepMails(trx: DB, seat: ReminderSeat, job: ReminderPayload, now: number): Promise<void> {
	await addStepNotices(trx, seat, job, now);
	const settings = mailSettings();
	if (!settings) return;
	const key = `${job.scorecardId}:${job.plan}:${job.step}`;
	if (job.remind) {
		await enqueueMail(
			trx,
			`reminder-mail:${key}`,
			await composeReminderMail(trx, seat, settings.origin),
			now
		);
	}
	if (job.escalate) {
		for (const recipient of await escalationRecipients(trx, seat)) {
			const mail = await composeEscalationMail(trx, seat, recipient, now, settings.origin);
			await enqueueMail(trx, `escalation-mail:${key}:${recipient.id}`, mail, now);
		}
	}
}

registerJobHandler(reminderJobKind, {
	payload: payloadSchema,
	run: async ({ payload }, { db, now }) => {
		const seat = await readOpenSeat(db, payload.scorecardId, payload.scheduledAt);
		if (!seat) return { detail: 'stopped: the scorecard is in, or the seat, loop or schedule changed' };
		const settings = await readOpeningReminderSettings(db, seat.openingId);
		if (!settings.enabled) return { detail: 'stopped: reminders are off for the opening' };
		const { timeZone, sendMinutes } = await readNoticeTime(db, seat.interviewerId);
		const lastRemindedAt = payload.remind ? now : (payload.lastRemindedAt ?? now);
		const escalated = payload.escalated || payload.escalate;
		const next = planNextReminder({
			interviewEnd: seat.interviewEnd,
			lastRemindedAt,
			now,
			escalated,
			settings,
			timeZone,
			sendMinutes
		});
		return {
			detail: [payload.remind && 'reminded', payload.escalate && 'escalated'].filter(Boolean).join(', '),
			onDone: async (trx) => {
				// Checked again in the transaction: a submission in the meantime ends the schedule here.
				if (!(await readOpenSeat(trx, payload.scorecardId, payload.scheduledAt))) return;
				await sendStepMails(trx, seat, payload, now);
				const following = { ...payload, step: payload.step + 1, escalated, lastRemindedAt };
				await enqueueReminderStep(trx, following, next, now);
			}
		};
	}
});
