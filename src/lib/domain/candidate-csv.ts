import { CsvError, parse } from 'csv-parse/sync';
import {
	importColumns,
	maxImportBytes,
	maxImportRows,
	type CsvImportIssue,
	type ImportColumn
} from './candidate-import';
import { candidateRowSchema, type CandidateRow } from './hiring-schemas';

// Reads a candidate CSV into validated rows, or into every problem it has. Pure: no
// database, so it runs before any transaction and is tested directly.

/** A valid row and where it stood in the file (spreadsheet numbering, header = 1). */
export interface CandidateCsvRow extends CandidateRow {
	row: number;
}

export type CandidateCsvReading =
	{ ok: true; rows: CandidateCsvRow[] } | { ok: false; issues: CsvImportIssue[] };

const delimiters = [',', ';', '\t'] as const;
const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const knownColumns: readonly string[] = importColumns.map((c) => c.name);

function isKnownColumn(name: string): name is ImportColumn {
	return knownColumns.includes(name);
}

function fileIssue(message: string): CsvImportIssue {
	return { path: '', row: null, column: null, message };
}

function rowIssue(row: number, column: ImportColumn | null, message: string): CsvImportIssue {
	return column
		? { path: `rows[${row - 1}].${column}`, row, column, message: `Row ${row}, ${column}: ${message}` }
		: { path: `rows[${row - 1}]`, row, column, message: `Row ${row}: ${message}` };
}

function fail(...issues: CsvImportIssue[]): CandidateCsvReading {
	return { ok: false, issues };
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetter(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	}
	return letters;
}

function kilobytes(bytes: number): string {
	return `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
}

/** The delimiter the header row uses most: comma, semicolon (common in Europe's Excel) or tab. */
function detectDelimiter(text: string): string {
	const end = text.search(/[\r\n]/);
	const header = end === -1 ? text : text.slice(0, end);
	let best: string = ',';
	let most = 0;
	for (const delimiter of delimiters) {
		const n = header.split(delimiter).length - 1;
		if (n > most) [best, most] = [delimiter, n];
	}
	return best;
}

function parseRecords(text: string, delimiter: string): string[][] | CsvImportIssue {
	try {
		// relax_quotes reads Jane "JJ" Doe as written; relax_column_count lets rows of the
		// wrong length through so they are reported with their row number.
		return parse(text, { delimiter, relax_quotes: true, relax_column_count: true });
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		const row = Number(error.records ?? 0) + 1;
		if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
			return rowIssue(
				row,
				null,
				'a value opens a double quote that is never closed. Close it, or write a quote inside a quoted value as two ("").'
			);
		}
		return rowIssue(row, null, `this row cannot be read as CSV (${error.message}).`);
	}
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/** Indexes of the columns that hold a value in some row after the header: one pass over the cells. */
function columnsWithValues(records: string[][]): Set<number> {
	const used = new Set<number>();
	for (const cells of records.slice(1)) {
		cells.forEach((cell, index) => {
			if (cell.trim() !== '') used.add(index);
		});
	}
	return used;
}

/** A few of the names, then how many more: a header can be as long as the file. */
function listSome(items: string[], separator: string, most = 10): string {
	return items.length > most
		? `${items.slice(0, most).join(separator)} and ${(items.length - most).toLocaleString('en')} more`
		: items.join(separator);
}

/** Where each known column is, or the problems of the header row. */
function readHeader(records: string[][]): Map<ImportColumn, number> | CsvImportIssue[] {
	const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
	const used = columnsWithValues(records);
	const found = new Map<ImportColumn, number>();
	const unknown: string[] = [];
	const issues: CsvImportIssue[] = [];
	header.forEach((name, index) => {
		if (isKnownColumn(name)) {
			if (found.has(name)) issues.push(rowIssue(1, name, `the column “${name}” appears twice; keep one.`));
			else found.set(name, index);
		} else if (name !== '') {
			unknown.push(`“${records[0]![index]!.trim()}”`);
		} else if (used.has(index)) {
			unknown.push(`column ${columnLetter(index)}, which has values but no name`);
		}
	});
	const expected = 'name, email and optionally notes';
	if (found.size === 0) {
		const shown = header.length
			? ` It reads ${listSome(
					records[0]!.map((cell) => `“${cell.trim()}”`),
					', '
				)}.`
			: '';
		return [rowIssue(1, null, `the first row must name the columns: ${expected}.${shown}`)];
	}
	if (unknown.length) {
		issues.unshift(
			rowIssue(
				1,
				null,
				`unknown ${unknown.length === 1 ? 'column' : 'columns'}: ${listSome(unknown, '; ')}. Panelist imports ${expected}; remove or rename the others.`
			)
		);
	}
	for (const column of importColumns) {
		if (column.required && !found.has(column.name)) {
			issues.push(rowIssue(1, column.name, `add a column named “${column.name}” (${column.meaning}).`));
		}
	}
	return issues.length ? issues : found;
}

/**
 * Validates the whole file and every row: all problems at once, or none and the rows. Rows
 * are numbered as a spreadsheet shows them; blank rows are skipped but keep their number.
 */
export function readCandidateCsv(csvText: string): CandidateCsvReading {
	// A UTF-16 unit is at least one UTF-8 byte, so the cheap length check comes first.
	const bytes = csvText.length > maxImportBytes ? csvText.length : new TextEncoder().encode(csvText).length;
	if (bytes > maxImportBytes) {
		return fail(
			fileIssue(
				`The CSV is ${kilobytes(bytes)}; Panelist imports at most ${kilobytes(maxImportBytes)} at once. Split it into smaller files.`
			)
		);
	}
	const text = csvText.replace(/^\uFEFF/, '');
	if (text.trim() === '') return fail(fileIssue('The CSV is empty: there is nothing to import.'));

	const delimiter = detectDelimiter(text);
	const records = parseRecords(text, delimiter);
	if (!Array.isArray(records)) return fail(records);

	const columns = readHeader(records);
	if (Array.isArray(columns)) return fail(...columns);

	const dataRows = records.slice(1).filter((cells) => !isBlank(cells)).length;
	if (dataRows === 0) {
		return fail(fileIssue('The CSV has a header row but no candidates: add one row per candidate under it.'));
	}
	if (dataRows > maxImportRows) {
		return fail(
			fileIssue(
				`The CSV has ${dataRows.toLocaleString('en')} candidates; Panelist imports at most ${maxImportRows.toLocaleString('en')} at once. Split it into smaller files.`
			)
		);
	}

	const width = records[0]!.length;
	const issues: CsvImportIssue[] = [];
	const rows: CandidateCsvRow[] = [];
	const firstRowOf = new Map<string, number>();
	records.forEach((cells, index) => {
		const row = index + 1;
		if (index === 0 || isBlank(cells)) return;
		if (!isBlank(cells.slice(width))) {
			const values = cells.findLastIndex((cell) => cell.trim() !== '') + 1;
			issues.push(
				rowIssue(
					row,
					null,
					`this row has ${values} values but the header has ${width} columns. Put double quotes around a value that contains a ${delimiterNames[delimiter]}.`
				)
			);
		}
		const value = (column: ImportColumn) => {
			const at = columns.get(column);
			return at === undefined ? '' : (cells[at] ?? '');
		};
		const parsed = candidateRowSchema.safeParse({
			name: value('name'),
			email: value('email'),
			notes: value('notes')
		});
		if (!parsed.success) {
			const reported = new Set<string>();
			for (const issue of parsed.error.issues) {
				const column = String(issue.path[0]);
				if (!isKnownColumn(column) || reported.has(column)) continue;
				reported.add(column);
				// The column is named already: "notes: use at most…", not "notes: Notes: use at most…".
				issues.push(rowIssue(row, column, issue.message.replace(new RegExp(`^${column}: `, 'i'), '')));
			}
			return;
		}
		const first = firstRowOf.get(parsed.data.email);
		if (first !== undefined) {
			issues.push(
				rowIssue(row, 'email', `${parsed.data.email} is also on row ${first}; list each candidate once.`)
			);
			return;
		}
		firstRowOf.set(parsed.data.email, row);
		rows.push({ row, ...parsed.data });
	});
	return issues.length ? fail(...issues) : { ok: true, rows };
}
