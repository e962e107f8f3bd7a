import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server for tests, on 127.0.0.1 and a port the system picks: every mail it
// accepts is parsed and kept, in the order it arrived. It can refuse the next few mails with
// a temporary failure, as a busy server does, and hold its answers until released; a mail
// whose sender hung up before the answer is not kept (the sender was never told it arrived).

export interface Mailbox {
	/** SMTP_URL for Panelist. */
	url: string;
	messages: ParsedMail[];
	/** Answers the next `count` mails with 451 (try again later). */
	refuseNext(count: number): void;
	/** Resolves when the next mail's data has arrived and its answer is pending (with holdAnswers). */
	nextReceiving(): Promise<void>;
	/** Resolves once every sender of a held mail has hung up (a killed sender's socket closes a little after it dies). */
	heldSendersGone(timeoutMs?: number): Promise<void>;
	/** Answers the held mails and every later one at once. */
	releaseAnswers(): void;
	/** Resolves once at least `count` mails have arrived; fails after timeoutMs. */
	waitForCount(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
	close(): Promise<void>;
}

/**
 * holdAnswers: no mail is answered until releaseAnswers(), so a sender killed meanwhile was
 * never told its mail arrived (a timed delay raced the kill on a busy machine).
 */
export async function startMailbox({ holdAnswers = false } = {}): Promise<Mailbox> {
	const messages: ParsedMail[] = [];
	const closed = new Set<string>();
	let receiving: (() => void)[] = [];
	let refusals = 0;
	let holding = holdAnswers;
	// Waiters for an answer: woken when answers are released or their sender hangs up.
	const held: (() => void)[] = [];
	const heldSessions = new Set<string>();
	const wakeHeld = () => held.splice(0).forEach((wake) => wake());
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onClose(session) {
			closed.add(session.id);
			heldSessions.delete(session.id);
			wakeHeld();
		},
		onData(stream, session, callback) {
			simpleParser(stream).then(
				async (mail) => {
					receiving.splice(0).forEach((resolve) => resolve());
					if (holding && !closed.has(session.id)) heldSessions.add(session.id);
					while (holding && !closed.has(session.id)) await new Promise<void>((wake) => held.push(wake));
					heldSessions.delete(session.id);
					if (closed.has(session.id)) return callback(new Error('The sender hung up'));
					if (refusals > 0) {
						refusals -= 1;
						const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
						return callback(error);
					}
					messages.push(mail);
					callback();
				},
				(error: Error) => callback(error)
			);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		refuseNext: (count) => (refusals = count),
		nextReceiving: () => new Promise<void>((resolve) => (receiving = [...receiving, resolve])),
		async heldSendersGone(timeoutMs = 10_000) {
			const until = Date.now() + timeoutMs;
			while (heldSessions.size > 0) {
				if (Date.now() > until)
					throw new Error(`${heldSessions.size} senders of held mails are still connected`);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		},
		releaseAnswers() {
			holding = false;
			wakeHeld();
		},
		async waitForCount(count, timeoutMs = 10_000) {
			const until = Date.now() + timeoutMs;
			while (messages.length < count) {
				if (Date.now() > until) throw new Error(`Expected ${count} mails, got ${messages.length}`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return messages;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
