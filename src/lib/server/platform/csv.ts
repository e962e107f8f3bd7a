import { stringify } from 'csv-stringify/sync';

// CSV for spreadsheets. A text cell that starts with = + - @ or a control character would be
// run as a formula by Excel, LibreOffice or Sheets (CSV injection): such cells get a leading
// apostrophe, which spreadsheets show as plain text. Numbers are written as numbers.

const formulaStart = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null | undefined;

export function safeCell(value: Cell): string | number {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : '';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	return formulaStart.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: Cell[][]): string {
	return stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))], {
		record_delimiter: '\r\n'
	});
}

/** A CSV download: UTF-8 with a byte-order mark so Excel reads accents right. */
export function csvResponse(filename: string, csv: string): Response {
	return new Response(`\uFEFF${csv}`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]+/g, '-')}"`,
			'cache-control': 'private, no-store'
		}
	});
}
