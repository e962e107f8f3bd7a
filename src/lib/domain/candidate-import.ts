// Importing candidates into an opening from CSV: the limits, the columns and the words the
// page and the API share. No zod and no CSV library here: the import page reads this.

/** Largest CSV accepted: under the server's default body limit (512 KiB), so a page upload reaches us. */
export const maxImportBytes = 500 * 1024;
/** Most candidates in one file; a bigger list is better split than waited on. */
export const maxImportRows = 2000;

export const importColumns = [
	{ name: 'name', required: true, meaning: 'the candidate’s full name' },
	{ name: 'email', required: true, meaning: 'their email address; it identifies them in Panelist' },
	{ name: 'notes', required: false, meaning: 'anything the hiring team needs; panelists do not see it' }
] as const;
export type ImportColumn = (typeof importColumns)[number]['name'];

/** The downloadable example: the header row, a plain row and a quoted one. */
export const importTemplateCsv = [
	'name,email,notes',
	'Ada Lovelace,ada.lovelace@example.com,Referred by Charles Babbage',
	'"Hopper, Grace",grace.hopper@example.com,"Prefers afternoon interviews; ask about ""COBOL"""',
	''
].join('\r\n');

/**
 * One problem with a CSV. `rows[i]` counts the file's records from 0 with the header as
 * rows[0], so `rows[6].email` is spreadsheet row 7; the path is '' for the file as a whole.
 */
export interface CsvImportIssue {
	path: string;
	/** The row as a spreadsheet numbers it (header = 1), or null for the whole file. */
	row: number | null;
	column: ImportColumn | null;
	/** A whole sentence, e.g. "Row 7, email: Enter a valid email address, like name@example.com". */
	message: string;
}

/** created: new candidate; linked: already known, added to the opening; unchanged: already in it. */
export type ImportOutcome = 'created' | 'linked' | 'unchanged';

export interface ImportCounts {
	created: number;
	linked: number;
	unchanged: number;
}

function count(n: number, one: string, many: string): string {
	return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "3 new candidates added, 1 already known and added to this opening, 2 already in it (unchanged)." */
export function describeImport({ created, linked, unchanged }: ImportCounts): string {
	const parts = [
		created ? `${count(created, 'new candidate', 'new candidates')} added` : '',
		linked ? `${count(linked, 'candidate', 'candidates')} already known, added to this opening` : '',
		unchanged ? `${count(unchanged, 'candidate', 'candidates')} already in this opening, left unchanged` : ''
	].filter(Boolean);
	return parts.length
		? `Import finished: ${parts.join('; ')}.`
		: 'Import finished: the file held no candidates.';
}

/** The counts as the opening page's address carries them after an import (`?imported=…`). */
export function importCountsToQuery({ created, linked, unchanged }: ImportCounts): string {
	return new URLSearchParams({
		imported: String(created),
		linked: String(linked),
		unchanged: String(unchanged)
	}).toString();
}

/** The counts from the opening page's address, or null when it carries none (or nonsense). */
export function importCountsFromQuery(params: URLSearchParams): ImportCounts | null {
	if (!params.has('imported')) return null;
	const read = (key: string) => {
		const raw = params.get(key) ?? '0';
		return /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
	};
	const counts = { created: read('imported'), linked: read('linked'), unchanged: read('unchanged') };
	return Object.values(counts).every(Number.isInteger) ? counts : null;
}
