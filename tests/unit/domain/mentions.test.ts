import { describe, expect, it } from 'vitest';
import { scrubJsonTextMentions, scrubMentions } from '../../../src/lib/domain/mentions';
import { buildInvitation } from '../../../src/lib/server/outbound/calendar';
import { parseCalendar } from '../../support/icalendar';

const mentions = [
	{ find: 'ann.o-brien@example.org', put: 'anonymised-7@anonymised.invalid' },
	{ find: "O'Brien, Ann", put: 'Anonymised candidate 7' }
];

describe('rewriting mentions of an anonymised candidate', () => {
	it('rewrites the name as typed and as HTML, and only where it stands as a whole word', () => {
		expect(scrubMentions("Interview with O'Brien, Ann · Coding", mentions)).toBe(
			'Interview with Anonymised candidate 7 · Coding'
		);
		expect(scrubMentions('<p>Every scorecard for O&#39;Brien, Ann is in.</p>', mentions)).toBe(
			'<p>Every scorecard for Anonymised candidate 7 is in.</p>'
		);
		expect(scrubMentions("X O'Brien, Annabel", mentions)).toBe("X O'Brien, Annabel");
		expect(scrubMentions('550 <ann.o-brien@example.org> unknown', mentions)).toBe(
			'550 <anonymised-7@anonymised.invalid> unknown'
		);
	});

	it('rewrites a name an invitation escaped and folded across lines, and the calendar still reads', () => {
		const name = "O'Brien-Featherstonehaugh, Annabella Maximiliana Catherine";
		const long = [{ find: name, put: 'Anonymised candidate 7' }];
		const origin = 'https://panelist.example.com';
		const content = buildInvitation(
			{
				scorecardId: 12,
				start: Date.UTC(2026, 11, 7, 9),
				end: Date.UTC(2026, 11, 7, 10),
				roundTitle: 'Coding',
				candidateName: name,
				openingTitle: 'Engineer',
				kitUrl: `${origin}/interviews/12`
			},
			origin,
			{
				organizer: { name: 'Panelist', email: 'panelist@example.com' },
				attendee: { name: 'Sam', email: 'sam@example.com' }
			}
		);
		// Folded inside the name: no line holds it whole.
		const escaped = "O'Brien-Featherstonehaugh\\, Annabella Maximiliana Catherine";
		expect(content).not.toContain(escaped);
		expect(content.replace(/\r\n[ \t]/g, '')).toContain(escaped);
		const message = JSON.stringify({
			to: 'sam@example.com',
			subject: `Interview with ${name}`,
			calendar: { content }
		});
		const scrubbed = JSON.parse(scrubJsonTextMentions(message, long)) as {
			subject: string;
			calendar: { content: string };
		};
		expect(scrubbed.subject).toBe('Interview with Anonymised candidate 7');
		const [event] = parseCalendar(scrubbed.calendar.content).events;
		expect(event!.summary).toBe('Interview: Anonymised candidate 7 · Coding');
		expect(scrubbed.calendar.content.replace(/\r\n[ \t]/g, '')).not.toMatch(/Brien|Featherstone/);
		for (const line of scrubbed.calendar.content.split('\r\n'))
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
	});
});
