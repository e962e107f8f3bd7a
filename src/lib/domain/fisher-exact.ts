// Fisher's exact test for a 2×2 table, two-sided, as R's fisher.test and SciPy's
// fisher_exact compute it: the probability, under the hypergeometric distribution with the
// table's margins fixed, of every table no more likely than the one observed.

const logFactorials: number[] = [0];

function logFactorial(n: number): number {
	for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
	return logFactorials[n]!;
}

function logChoose(n: number, k: number): number {
	return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Two-sided p-value of the table [[a, b], [c, d]] (counts, whole and ≥ 0). Tables whose
 * probability is within a relative 1e-7 of the observed one count as equally likely, the
 * tolerance R and SciPy use so that ties are not lost to rounding.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
	const row1 = a + b;
	const row2 = c + d;
	const col1 = a + c;
	const n = row1 + row2;
	const logTotal = logChoose(n, col1);
	const logP = (x: number) => logChoose(row1, x) + logChoose(row2, col1 - x) - logTotal;
	const observed = logP(a);
	const threshold = observed + Math.log1p(1e-7);
	let p = 0;
	for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
		const lp = logP(x);
		if (lp <= threshold) p += Math.exp(lp);
	}
	return Math.min(1, p);
}
