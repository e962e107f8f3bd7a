import { formatDateTime } from '../../domain/time';
import { composeMail } from '../mail/compose';
import type { MailMessage } from '../mail/mailer';
import type { DB } from '../platform/db';
import { readNoticeTime } from './reminder-settings';

// What a reminder and an escalation say (decision 027): the loop, the candidate, the round and
// its time, in the reader's own zone, with a link to the exact page. Never anyone's feedback:
// the seat's status is all they rest on.

/** A panel seat as reminders read it. */
export interface ReminderSeat {
	scorecardId: number;
	loopId: number;
	openingId: number;
	interviewerId: number;
	interviewerName: string;
	interviewerEmail: string;
	candidateName: string;
	openingTitle: string;
	roundTitle: string;
	scheduledAt: number;
	interviewEnd: number;
}

export interface Recipient {
	id: number;
	name: string;
	email: string;
}

async function whenFor(db: DB, userId: number, at: number): Promise<string> {
	const { timeZone } = await readNoticeTime(db, userId);
	return `${formatDateTime(at, timeZone)} (${timeZone})`;
}

export async function composeReminderMail(db: DB, seat: ReminderSeat, origin: string): Promise<MailMessage> {
	const when = await whenFor(db, seat.interviewerId, seat.scheduledAt);
	return composeMail({
		to: seat.interviewerEmail,
		subject: `Reminder: your scorecard for ${seat.candidateName} · ${seat.roundTitle}`,
		paragraphs: [
			`Hello ${seat.interviewerName},`,
			`Your scorecard for the ${seat.roundTitle} interview with ${seat.candidateName} for ${seat.openingTitle} on ${when} is not submitted yet. The loop waits for your judgement.`
		],
		link: { href: `${origin}/interviews/${seat.scorecardId}`, label: 'Open your scorecard' },
		footer: 'You get this once a working day until your scorecard is in.'
	});
}

export async function composeEscalationMail(
	db: DB,
	seat: ReminderSeat,
	recipient: Recipient,
	now: number,
	origin: string
): Promise<MailMessage> {
	const when = await whenFor(db, recipient.id, seat.scheduledAt);
	const hoursLate = Math.floor((now - seat.interviewEnd) / 3_600_000);
	return composeMail({
		to: recipient.email,
		subject: `Overdue scorecard: ${seat.interviewerName} · ${seat.candidateName} · ${seat.roundTitle}`,
		paragraphs: [
			`Hello ${recipient.name},`,
			`${seat.interviewerName} has not submitted their scorecard for the ${seat.roundTitle} interview with ${seat.candidateName} for ${seat.openingTitle} on ${when}, ${hoursLate} hours after it ended. They are reminded once a working day.`
		],
		link: { href: `${origin}/loops/${seat.loopId}`, label: 'Open the loop' },
		footer: 'You get this as a hiring manager of the opening or the recruiter who set up the loop.'
	});
}
