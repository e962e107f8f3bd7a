// Ids in addresses, query strings and the API have one spelling: digits without a leading
// zero. `1e0`, `0x1`, ` 1`, `+1` and `01` name nothing, so every thing has exactly one
// address (decision 015).

export const idPattern = /^[1-9][0-9]{0,15}$/;

/** The id `raw` spells, or null when it is not one. */
export function parseId(raw: string | null | undefined): number | null {
	if (raw == null || !idPattern.test(raw)) return null;
	const id = Number(raw);
	return Number.isSafeInteger(id) ? id : null;
}
