// Dates shown to people, in one format everywhere. Rendered on the server and the client,
// so the time zone is fixed by the caller's environment; tests pin TZ.

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

export function formatDate(epochMs: number): string {
	return dateFormat.format(new Date(epochMs));
}

export function formatDateTime(epochMs: number): string {
	return dateTimeFormat.format(new Date(epochMs));
}
