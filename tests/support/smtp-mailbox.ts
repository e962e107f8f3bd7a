import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server for tests, on 127.0.0.1 and a port the system picks: every mail it
// accepts is parsed and kept, in the order it arrived. It can refuse the next few mails with
// a temporary failure, as a busy server does, and take its time before answering; a mail
// whose sender hung up before the answer is not kept (the sender was never told it arrived).

export interface Mailbox {
	/** SMTP_URL for Panelist. */
	url: string;
	messages: ParsedMail[];
	/** Answers the next `count` mails with 451 (try again later). */
	refuseNext(count: number): void;
	/** Resolves when the next mail's data has arrived and its answer is pending (with answerDelayMs). */
	nextReceiving(): Promise<void>;
	/** Resolves once at least `count` mails have arrived; fails after timeoutMs. */
	waitForCount(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
	close(): Promise<void>;
}

export async function startMailbox({ answerDelayMs = 0 } = {}): Promise<Mailbox> {
	const messages: ParsedMail[] = [];
	const closed = new Set<string>();
	let receiving: (() => void)[] = [];
	let refusals = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onClose(session) {
			closed.add(session.id);
		},
		onData(stream, session, callback) {
			simpleParser(stream).then(
				async (mail) => {
					receiving.splice(0).forEach((resolve) => resolve());
					if (answerDelayMs) await new Promise((resolve) => setTimeout(resolve, answerDelayMs));
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
