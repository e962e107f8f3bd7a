/** Means and deviations shown with two decimals; nothing shows as a dash. */
export function fixed(value: number | null | undefined, digits = 2): string {
	return value === null || value === undefined ? '–' : value.toFixed(digits);
}

/** A share as a whole percentage. */
export function percent(share: number | null): string {
	return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** An offset with its sign, so kinder and harsher read apart at a glance. */
export function signed(value: number | null): string {
	return value === null ? '–' : `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
}
