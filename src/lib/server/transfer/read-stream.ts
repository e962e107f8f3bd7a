import { Assembler } from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { getManyValues, isMany, none } from 'stream-chain/defs.js';

// Reads an export's JSON text as it arrives, one record at a time: the top-level object's
// plain values, and each item of its lists on its own, so memory holds one record however
// long the lists are. stream-json tokenizes; its Assembler builds each item, like
// JSON.parse (including `__proto__` as an own key, and deep nesting without recursion).

export type ExportEvent =
	| { type: 'value'; key: string; value: unknown }
	| { type: 'list'; key: string }
	| { type: 'record'; key: string; index: number; value: unknown }
	| { type: 'end-list'; key: string; count: number }
	/** The text is JSON but its top level is not an object; nothing more is read. */
	| { type: 'not-object' };

/** The text is not JSON (or ends early); `message` says how, for a person. */
export class JsonSyntaxError extends Error {}

function explain(error: unknown, ended: boolean): JsonSyntaxError {
	const message = (error as Error).message.replace(/^Parser (cannot parse input: |has )/, '');
	return new JsonSyntaxError(ended ? `the file ends early (${message}): is it cut short?` : message);
}

const isStart = (t: Token) => t.name === 'startObject' || t.name === 'startArray';
const isEnd = (t: Token) => t.name === 'endObject' || t.name === 'endArray';

function valueOf(t: Token): unknown {
	switch (t.name) {
		case 'stringValue':
			return t.value;
		case 'numberValue':
			return parseFloat(t.value);
		case 'nullValue':
			return null;
		case 'trueValue':
			return true;
		case 'falseValue':
			return false;
		default:
			return undefined;
	}
}

/** Turns tokens into events; holds at most one record being assembled. */
class EventBuilder {
	private depth = 0;
	private key = '';
	private index = 0;
	private item: Assembler | null = null;
	/** A top-level value that is an object, assembled whole (the format has none; reported later). */
	private value: Assembler | null = null;
	stopped = false;

	take(t: Token, out: ExportEvent[]): void {
		if (this.item) {
			this.item.consume(t);
			if (this.item.done) {
				out.push({ type: 'record', key: this.key, index: this.index++, value: this.item.current });
				this.item = null;
			}
			return;
		}
		if (this.value) {
			this.value.consume(t);
			if (this.value.done) {
				out.push({ type: 'value', key: this.key, value: this.value.current });
				this.value = null;
			}
			return;
		}
		if (this.depth === 0) {
			if (t.name === 'startObject') this.depth = 1;
			else if (t.name !== 'whitespace') {
				out.push({ type: 'not-object' });
				this.stopped = true;
			}
		} else if (this.depth === 1) {
			if (t.name === 'keyValue') this.key = t.value;
			else if (t.name === 'startArray') {
				this.depth = 2;
				this.index = 0;
				out.push({ type: 'list', key: this.key });
			} else if (t.name === 'startObject') {
				this.value = new Assembler();
				this.value.consume(t);
			} else if (t.name === 'endObject') this.depth = 0;
			else if (valueOf(t) !== undefined) out.push({ type: 'value', key: this.key, value: valueOf(t) });
		} else if (isStart(t)) {
			this.item = new Assembler();
			this.item.consume(t);
		} else if (isEnd(t)) {
			this.depth = 1;
			out.push({ type: 'end-list', key: this.key, count: this.index });
		} else if (valueOf(t) !== undefined) {
			out.push({ type: 'record', key: this.key, index: this.index++, value: valueOf(t) });
		}
	}
}

/**
 * The events of an export's text, read from `chunks` as they come. Throws JsonSyntaxError
 * where the text stops being JSON, after the events before that point.
 */
export async function* readExportEvents(chunks: AsyncIterable<string>): AsyncGenerator<ExportEvent> {
	const parse = jsonParser({ packValues: true, streamValues: false });
	const builder = new EventBuilder();
	let first = true;
	const feed = (input: string | typeof none): ExportEvent[] => {
		const events: ExportEvent[] = [];
		let tokens;
		try {
			// The parser takes text, and `none` to say the text has ended.
			tokens = parse(input as string);
		} catch (error) {
			throw explain(error, input === none);
		}
		if (tokens === none) return events;
		for (const t of isMany(tokens) ? (getManyValues(tokens) as Token[]) : [tokens as Token]) {
			builder.take(t, events);
			if (builder.stopped) break;
		}
		return events;
	};
	for await (let chunk of chunks) {
		// Editors on some systems start UTF-8 files with a byte-order mark, which JSON does not allow.
		if (first) chunk = chunk.replace(/^\uFEFF/, '');
		first = false;
		yield* feed(chunk);
		if (builder.stopped) return;
	}
	yield* feed(none);
}
