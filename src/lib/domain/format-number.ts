/** Means and deviations shown with two decimals; nothing shows as a dash. */
export function fixed(value: number | null | undefined, digits = 2): string {
	return value === null || value === undefined ? '–' : value.toFixed(digits);
}
