// Where mail goes (decision 021): SMTP_URL (smtp:// with STARTTLS whenever the server offers
// it, or smtps:// for TLS from the start), MAIL_FROM, and ORIGIN for the links in every mail.
// Without SMTP_URL mail is off: nothing is queued, and the admin's jobs page says so.

export interface MailSettings {
	smtpUrl: string;
	from: string;
	/** The public origin, e.g. https://panelist.example.com: every mail links to a page there. */
	origin: string;
}

export function mailSettingsFromEnv(env: Record<string, string | undefined>): MailSettings | null {
	const smtpUrl = env.SMTP_URL?.trim();
	if (!smtpUrl) return null;
	let url: URL;
	try {
		url = new URL(smtpUrl);
	} catch {
		throw new Error('SMTP_URL is not a URL: give one like smtp://user:password@mail.example.com:587');
	}
	if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
		throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
	const from = env.MAIL_FROM?.trim();
	if (!from) throw new Error('MAIL_FROM must be set with SMTP_URL, e.g. "Panelist <panelist@example.com>"');
	if (!env.ORIGIN)
		throw new Error('ORIGIN must be set with SMTP_URL: every mail links to a page of Panelist');
	return { smtpUrl, from, origin: new URL(env.ORIGIN).origin };
}

let current: MailSettings | null = null;

/** Sets where mail goes for this process: at start from the environment; tests set their own. */
export function configureMail(settings: MailSettings | null): void {
	current = settings;
}

/** The mail settings, or null while mail is off. */
export function mailSettings(): MailSettings | null {
	return current;
}
