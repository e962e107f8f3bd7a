/** A count with its noun: "1 round", "3 rounds" (the plural given when it is not the noun + s). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}
