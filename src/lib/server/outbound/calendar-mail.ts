import { formatDateTime } from '../../domain/time';
import { composeMail } from '../mail/compose';
import { enqueueMail } from '../mail/mailer';
import { mailSettings, type MailSettings } from '../mail/mail-settings';
import type { Subscriber } from '../notify/events';
import type { DB } from '../platform/db';
import { buildInvitation } from './calendar';
import {
	recordLoopCancellation,
	recordSeatInvitation,
	recordSeatRemoval,
	type Invitation
} from './calendar-invitations';

// Panel changes become invitation mails (decision 022): the seat's invitation state and the
// mail's job are written in the change's transaction; the mail carries the iCalendar as
// nodemailer's text/calendar part, which mail clients show with Accept/Decline.

/** MAIL_FROM as the invitation's organizer: `Name <address>` or a bare address. */
function organizerOf(from: string): { name: string; email: string } {
	const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
	return match
		? { name: match[1] || 'Panelist', email: match[2]! }
		: { name: 'Panelist', email: from.trim() };
}

async function invitationMail(trx: DB, invitation: Invitation, settings: MailSettings) {
	const attendee = await trx
		.selectFrom('user')
		.select(['name', 'email'])
		.where('id', '=', invitation.interviewerId)
		.executeTakeFirstOrThrow();
	const { event } = invitation;
	const when = formatDateTime(event.start, 'UTC') + ' UTC';
	const cancel = invitation.method === 'CANCEL';
	const mail = composeMail({
		to: attendee.email,
		subject: `${cancel ? 'Cancelled: ' : ''}Interview with ${event.candidateName} · ${event.roundTitle}, ${when}`,
		paragraphs: [
			`Hello ${attendee.name},`,
			cancel
				? `The ${event.roundTitle} interview with ${event.candidateName} for ${event.openingTitle} on ${when} is off: you are no longer on its panel, or the loop was cancelled.`
				: `You are on the panel: ${event.roundTitle} with ${event.candidateName} for ${event.openingTitle}, on ${when}. The calendar invitation is attached${event.sequence ? ' and replaces the one sent before' : ''}.`
		],
		link: { href: event.kitUrl, label: 'Open the interview kit' },
		footer: 'You get this because you are on an interview panel in Panelist.'
	});
	const calendar = buildInvitation(event, settings.origin, {
		organizer: organizerOf(settings.from),
		attendee: { name: attendee.name, email: attendee.email }
	});
	return { ...mail, calendar: { method: invitation.method, content: calendar } };
}

async function recordInvitations(trx: DB, event: Parameters<Subscriber['handle']>[1], origin: string) {
	switch (event.type) {
		case 'panel.assigned':
		case 'panel.rescheduled': {
			const invitation = await recordSeatInvitation(trx, event.data.scorecardId, origin, event.at);
			return invitation ? [invitation] : [];
		}
		case 'panel.removed':
			return recordSeatRemoval(trx, event.data.scorecardId, origin, event.at);
		case 'loop.cancelled':
			return recordLoopCancellation(trx, event.data.loopId, origin, event.at);
		default:
			return [];
	}
}

export const calendarSubscriber: Subscriber = {
	types: ['panel.assigned', 'panel.rescheduled', 'panel.removed', 'loop.cancelled'],
	handle: async (trx, event) => {
		// Mail is off: no invitations, and no numbering of ones never sent.
		const settings = mailSettings();
		if (!settings) return;
		for (const invitation of await recordInvitations(trx, event, settings.origin)) {
			const key = `calendar:${invitation.event.scorecardId}:${invitation.event.sequence}`;
			await enqueueMail(trx, key, await invitationMail(trx, invitation, settings), event.at);
		}
	}
};
