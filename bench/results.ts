import fs from 'node:fs';

export interface BenchResult {
	name: string;
	value: number;
	/** `yes` is a check: 1 for yes, 0 for no. */
	unit: 'ms' | 's' | 'KB' | 'MB' | 'req/s' | 'score' | 'ratio' | 'scorecards/s' | 'yes';
	/** The figure must stay at or under max, or at or over min. */
	budget?: { max?: number; min?: number };
}

export function withinBudget(result: BenchResult): boolean | null {
	if (!result.budget) return null;
	const { max, min } = result.budget;
	return (max === undefined || result.value <= max) && (min === undefined || result.value >= min);
}

const format = (value: number) =>
	value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(value >= 10 ? 1 : 2);

const shown = (r: BenchResult) =>
	r.unit === 'yes' ? (r.value ? 'yes' : 'no') : `${format(r.value)} ${r.unit}`;

/** Prints the table and writes it to `file` (JSON); returns how many budgets were missed. */
export function report(
	results: BenchResult[],
	meta: Record<string, unknown>,
	file = 'bench/results.json'
): number {
	const rows = results.map((r) => {
		const ok = withinBudget(r);
		const budget = r.budget
			? [
					r.budget.max !== undefined ? `≤ ${format(r.budget.max)}` : '',
					r.budget.min !== undefined ? `≥ ${format(r.budget.min)}` : ''
				]
					.filter(Boolean)
					.join(' ')
			: '';
		return [r.name, shown(r), budget, ok === null ? '' : ok ? 'ok' : 'MISSED'];
	});
	const header = ['measure', 'value', 'budget', ''];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i]!))
			.join('  ')
			.trimEnd();
	console.log(line(header));
	console.log(widths.map((w) => '─'.repeat(w)).join('  '));
	for (const row of rows) console.log(line(row));
	fs.writeFileSync(
		file,
		JSON.stringify(
			{ ...meta, results: results.map((r) => ({ ...r, withinBudget: withinBudget(r) })) },
			null,
			2
		) + '\n'
	);
	return results.filter((r) => withinBudget(r) === false).length;
}
