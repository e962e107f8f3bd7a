import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { safeCell, toCsv } from '../../../src/lib/server/platform/csv';

describe('CSV export', () => {
	it('defuses cells a spreadsheet would run as formulas, and keeps numbers numeric', () => {
		expect(safeCell('=HYPERLINK("http://evil.example","x")')).toBe('\'=HYPERLINK("http://evil.example","x")');
		expect(safeCell('+1 555')).toBe("'+1 555");
		expect(safeCell('-2')).toBe("'-2");
		expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(safeCell('\tcmd')).toBe("'\tcmd");
		expect(safeCell('Ada Lovelace')).toBe('Ada Lovelace');
		expect(safeCell(2.6666666)).toBe(2.667);
		expect(safeCell(null)).toBe('');
	});

	it('quotes commas, quotes and line breaks so the rows read back as written', () => {
		const csv = toCsv(['Name', 'Note', 'Mean'], [['Smith, Jo', 'said "hi"\nthen left', 3.5]]);
		expect(parse(csv)).toEqual([
			['Name', 'Note', 'Mean'],
			['Smith, Jo', 'said "hi"\nthen left', '3.5']
		]);
	});
});
