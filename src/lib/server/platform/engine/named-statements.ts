// Statement texts PostgreSQL should parse once per connection rather than on every run: the
// import's many-row inserts, run tens of thousands of times with new values (decision 033).
// Kysely sends its SQL unnamed, so PostgreSQL parses and plans it each time, a third of a
// 256-row insert's cost; postgres.ts gives a registered text its name on every connection.

const names = new Map<string, string>();

/** Runs `text` as a named prepared statement from now on, on every connection. */
export function nameStatement(text: string): void {
	if (!names.has(text)) names.set(text, `panelist_named_${names.size + 1}`);
}

/** The name registered for `text`, if any. */
export const statementName = (text: string): string | undefined => names.get(text);
