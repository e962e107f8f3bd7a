import { interviewEndOf, planFirstReminder } from '../../domain/reminders';
import { mailSettings } from '../mail/mail-settings';
import type { DB } from '../platform/db';
import type { DomainEvent, Subscriber } from './events';
import { enqueueReminderStep, reminderJobKind, reminderKeyPrefix } from './reminder-jobs';
import { readOpeningReminderSettings } from './reminder-settings';

// Panel changes start, move and stop a seat's reminders (decision 027), in the transaction of
// the change. Imports record no panel events, so imported loops get no reminders.

/** REMINDERS=off queues no reminders at all (shared test servers, or an operator's choice). */
export function remindersOn(env: Record<string, string | undefined> = process.env): boolean {
	return env.REMINDERS !== 'off';
}

/** Takes the queued reminder jobs of these seats away; a running one stops by itself. */
async function dropQueuedReminders(trx: DB, scorecardIds: number[]): Promise<void> {
	if (!scorecardIds.length) return;
	await trx
		.deleteFrom('job')
		.where('kind', '=', reminderJobKind)
		.where('state', '=', 'queued')
		.where((eb) => eb.or(scorecardIds.map((id) => eb('key', 'like', `${reminderKeyPrefix(id)}%`))))
		.execute();
}

async function startReminders(trx: DB, scorecardId: number, event: DomainEvent): Promise<void> {
	// Reminders are mail: while mail is off none are queued (decision 021), none wait to flood in later.
	if (!mailSettings()) return;
	const seat = await trx
		.selectFrom('scorecard')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.select(['scorecard.scheduledAt', 'scorecard.status', 'loopRound.durationMinutes', 'loop.openingId'])
		.where('scorecard.id', '=', scorecardId)
		.executeTakeFirst();
	if (!seat || seat.status === 'submitted') return;
	const settings = await readOpeningReminderSettings(trx, seat.openingId);
	const interviewEnd = interviewEndOf(seat.scheduledAt, seat.durationMinutes);
	const first = planFirstReminder(interviewEnd, event.at, settings);
	if (!first) return;
	const payload = {
		scorecardId,
		plan: event.id.replace(/^evt_/, ''),
		step: 0,
		scheduledAt: seat.scheduledAt,
		remind: true,
		escalate: false,
		escalated: false,
		lastRemindedAt: null
	};
	await enqueueReminderStep(trx, payload, first, event.at);
}

async function seatsOfLoop(trx: DB, loopId: number): Promise<number[]> {
	const rows = await trx.selectFrom('scorecard').select('id').where('loopId', '=', loopId).execute();
	return rows.map((r) => r.id);
}

export const reminderSubscriber: Subscriber = {
	types: [
		'panel.assigned',
		'panel.rescheduled',
		'panel.removed',
		'scorecard.submitted',
		'loop.cancelled',
		'loop.decided'
	],
	handle: async (trx, event) => {
		if (!remindersOn()) return;
		switch (event.type) {
			case 'panel.assigned':
			case 'panel.rescheduled':
				await dropQueuedReminders(trx, [event.data.scorecardId]);
				return startReminders(trx, event.data.scorecardId, event);
			case 'panel.removed':
			case 'scorecard.submitted':
				return dropQueuedReminders(trx, [event.data.scorecardId]);
			case 'loop.cancelled':
			case 'loop.decided':
				return dropQueuedReminders(trx, await seatsOfLoop(trx, event.data.loopId));
		}
	}
};
