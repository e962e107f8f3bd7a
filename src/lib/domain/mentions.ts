// Mentions of an anonymised candidate in what Panelist wrote for other people (a mail still in
// the queue, an in-app notice, a delivery's answer; decision 024): their name and email are
// rewritten to the anonymised ones, wherever and however the text was encoded, so a mail
// still sends and a notice still links, about "Anonymised candidate 12".

export interface Mention {
	find: string;
	put: string;
}

const wordChar = /[\p{L}\p{N}]/u;

function isWordChar(char: string | undefined): boolean {
	return char !== undefined && wordChar.test(char);
}

/** `find` replaced where it stands as a whole word: "Ada" in "Ada's", not in "Adam". */
function replaceWhole(text: string, find: string, put: string): string {
	if (find === '') return text;
	let out = '';
	let from = 0;
	for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, from)) {
		const end = at + find.length;
		const joinsBefore = isWordChar(text[at - 1]) && isWordChar(find[0]);
		const joinsAfter = isWordChar(text[end]) && isWordChar(find.at(-1));
		out += text.slice(from, at) + (joinsBefore || joinsAfter ? find : put);
		from = end;
	}
	return out + text.slice(from);
}

function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

/** RFC 5545 TEXT escaping, as a calendar invitation's SUMMARY carries a name. */
function escapeIcsText(text: string): string {
	return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Every mention rewritten, as typed, as HTML and as iCalendar text. */
function replaceMentions(text: string, mentions: readonly Mention[]): string {
	let out = text;
	for (const { find, put } of mentions) {
		for (const form of new Set([find, escapeHtml(find), escapeIcsText(find)]))
			out = replaceWhole(out, form, put);
	}
	return out;
}

/** A content line folded at 75 octets (RFC 5545 3.1), never inside a character. */
function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let part = '';
	let size = 0;
	for (const char of line) {
		const octets = encoder.encode(char).length;
		if (size + octets > (parts.length ? 74 : 75)) {
			parts.push(part);
			part = '';
			size = 0;
		}
		part += char;
		size += octets;
	}
	parts.push(part);
	return parts.join('\r\n ');
}

/**
 * Text with every mention rewritten. An iCalendar document is unfolded first, since a
 * folded line may split a name, and folded again after.
 */
export function scrubMentions(text: string, mentions: readonly Mention[]): string {
	if (!text.startsWith('BEGIN:VCALENDAR')) return replaceMentions(text, mentions);
	const unfolded = text.replace(/\r?\n[ \t]/g, '');
	const scrubbed = replaceMentions(unfolded, mentions);
	return scrubbed === unfolded ? text : scrubbed.split('\r\n').map(foldLine).join('\r\n');
}

/** A JSON value with every string's mentions rewritten; its shape stays. */
export function scrubJsonMentions(value: unknown, mentions: readonly Mention[]): unknown {
	if (typeof value === 'string') return scrubMentions(value, mentions);
	if (Array.isArray(value)) return value.map((v) => scrubJsonMentions(v, mentions));
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJsonMentions(v, mentions)]));
	return value;
}

/** Stored JSON text scrubbed; text that is not JSON is scrubbed as text. */
export function scrubJsonTextMentions(text: string, mentions: readonly Mention[]): string {
	try {
		return JSON.stringify(scrubJsonMentions(JSON.parse(text), mentions));
	} catch {
		return scrubMentions(text, mentions);
	}
}
