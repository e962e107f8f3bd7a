import type { MailMessage } from './mailer';

// Every mail the same shape: a greeting, a few plain sentences, and one link to the exact
// page, in plain text and in simple HTML (no images, no tracking, no styles to break).

export interface MailContent {
	to: string;
	subject: string;
	/** Paragraphs of plain text. */
	paragraphs: string[];
	link: { href: string; label: string };
	/** A last line in small print (why they got it, what to do if it was not them). */
	footer?: string;
}

function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

export function composeMail({ to, subject, paragraphs, link, footer }: MailContent): MailMessage {
	const text = [...paragraphs, `${link.label}: ${link.href}`, ...(footer ? ['--', footer] : [])].join('\n\n');
	const html = [
		'<!doctype html><html><body>',
		...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
		`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
		footer ? `<p><small>${escapeHtml(footer)}</small></p>` : '',
		'</body></html>'
	].join('\n');
	return { to, subject, text: text + '\n', html };
}
