import type { MailMessage } from './mailer';

// Every mail the same shape: a greeting, a few plain sentences, and one link to the exact
// page, in plain text and in simple HTML (no images, no tracking, no styles to break).

export interface MailContent {
	to: string;
	subject: string;
	/** Paragraphs of plain text. */
	paragraphs: string[];
	/** A list of links after the paragraphs (a digest's notices). */
	items?: { label: string; href: string }[];
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

export function composeMail({ to, subject, paragraphs, items = [], link, footer }: MailContent): MailMessage {
	const list = items.map((item) => `- ${item.label}\n  ${item.href}`).join('\n');
	const text = [
		...paragraphs,
		...(list ? [list] : []),
		`${link.label}: ${link.href}`,
		...(footer ? ['--', footer] : [])
	].join('\n\n');
	const html = [
		'<!doctype html><html><body>',
		...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
		items.length
			? `<ul>${items.map((i) => `<li><a href="${escapeHtml(i.href)}">${escapeHtml(i.label)}</a></li>`).join('')}</ul>`
			: '',
		`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
		footer ? `<p><small>${escapeHtml(footer)}</small></p>` : '',
		'</body></html>'
	].join('\n');
	return { to, subject, text: text + '\n', html };
}
