import ICAL from 'ical.js';

// Reads iCalendar text with ical.js, a parser that is not the library that wrote it, into
// what the tests check: the calendar's METHOD and each event's fields.

export interface ParsedEvent {
	uid: string;
	sequence: number;
	start: number;
	end: number;
	summary: string;
	description: string;
	url: string | null;
	status: string | null;
	organizer: string | null;
	attendees: string[];
}

/** A calendar address with its scheme in one spelling (schemes ignore case: MAILTO: is mailto:). */
const address = (uri: string) => uri.replace(/^mailto:/i, 'mailto:');

export function parseCalendar(text: string): { method: string | null; events: ParsedEvent[] } {
	const calendar = new ICAL.Component(ICAL.parse(text));
	if (calendar.name !== 'vcalendar') throw new Error(`Not a calendar: ${calendar.name}`);
	const value = (component: ICAL.Component, name: string) => {
		const found = component.getFirstPropertyValue(name);
		return found === null || found === undefined ? null : String(found);
	};
	return {
		method: value(calendar, 'method'),
		events: calendar.getAllSubcomponents('vevent').map((vevent) => {
			const event = new ICAL.Event(vevent);
			return {
				uid: event.uid,
				sequence: event.sequence,
				start: event.startDate.toJSDate().getTime(),
				end: event.endDate.toJSDate().getTime(),
				summary: event.summary,
				description: event.description,
				url: value(vevent, 'url'),
				status: value(vevent, 'status'),
				organizer: value(vevent, 'organizer')?.replace(/^mailto:/i, 'mailto:') ?? null,
				attendees: vevent.getAllProperties('attendee').map((p) => address(String(p.getFirstValue())))
			};
		})
	};
}
