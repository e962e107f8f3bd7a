/**
 * runNow's statements are written for SQLite, with `?` placeholders; PostgreSQL numbers
 * them ($1, $2, …). Quoted text and identifiers are left alone. A `+` written straight
 * before a placeholder after a comparison or an opening bracket (`id = +?`, a SQLite plan
 * hint, see auth/session.ts) goes too: PostgreSQL has no unary plus for text.
 */
export function numberPlaceholders(query: string): string {
	let out = '';
	let count = 0;
	let quote: string | undefined;
	for (let i = 0; i < query.length; i += 1) {
		const char = query[i]!;
		if (quote) {
			out += char;
			if (char === quote) quote = undefined;
			continue;
		}
		if (char === "'" || char === '"') {
			quote = char;
			out += char;
			continue;
		}
		if (char !== '?') {
			out += char;
			continue;
		}
		if (out.endsWith('+') && /[=<>(,]\s*\+$/.test(out)) out = out.slice(0, -1);
		count += 1;
		out += `$${count}`;
	}
	return out;
}
