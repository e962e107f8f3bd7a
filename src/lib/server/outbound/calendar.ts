import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

// iCalendar (RFC 5545) for interviews: one VEVENT per panel seat, the same UID wherever it is
// sent (a feed, an invitation, its update or its cancellation), so calendars match them up.

export interface InterviewEvent {
	scorecardId: number;
	start: number;
	end: number;
	roundTitle: string;
	candidateName: string;
	openingTitle: string;
	/** The interview kit's address. */
	kitUrl: string;
	/** Bumped whenever the time or the round changes (RFC 5546: a newer version of the event). */
	sequence?: number;
	cancelled?: boolean;
}

/** Who the invitation is from and to (RFC 5546 needs both on a REQUEST or CANCEL). */
export interface InvitationParties {
	organizer: { name: string; email: string };
	attendee: { name: string; email: string };
}

/** The UID of a seat's interview: stable for as long as the seat exists. */
export function interviewUid(scorecardId: number, origin: string): string {
	return `interview-${scorecardId}@${new URL(origin).hostname}`;
}

const prodId = { company: 'Panelist', product: 'Panelist', language: 'EN' };

function eventOf(interview: InterviewEvent, origin: string, parties?: InvitationParties) {
	return {
		id: interviewUid(interview.scorecardId, origin),
		sequence: interview.sequence ?? 0,
		start: new Date(interview.start),
		end: new Date(interview.end),
		stamp: new Date(),
		summary: `Interview: ${interview.candidateName} · ${interview.roundTitle}`,
		description: `${interview.roundTitle} for ${interview.openingTitle}.\nInterview kit: ${interview.kitUrl}`,
		url: interview.kitUrl,
		status: interview.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		...(parties
			? {
					organizer: parties.organizer,
					attendees: [{ ...parties.attendee, rsvp: false }]
				}
			: {})
	};
}

/** A subscribed calendar of interviews (no METHOD: it is published, not sent). */
export function buildInterviewFeed(interviews: InterviewEvent[], origin: string): string {
	return ical({
		prodId,
		name: 'Panelist interviews',
		events: interviews.map((interview) => eventOf(interview, origin))
	}).toString();
}

/** An invitation to one interview (METHOD:REQUEST), or its cancellation (METHOD:CANCEL). */
export function buildInvitation(
	interview: InterviewEvent,
	origin: string,
	parties: InvitationParties
): string {
	return ical({
		prodId,
		method: interview.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
		events: [eventOf(interview, origin, parties)]
	}).toString();
}
