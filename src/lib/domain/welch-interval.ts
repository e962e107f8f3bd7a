// The 95% interval of a difference of two means without assuming equal variances (Welch's t,
// with the Welch–Satterthwaite degrees of freedom), as SciPy's
// ttest_ind(a, b, equal_var=False).confidence_interval() gives it. Student's t quantile comes
// from its distribution function, the regularised incomplete beta function (Numerical
// Recipes, 3rd ed., §6.4 and §6.14), solved by bisection.

function logGamma(x: number): number {
	// Lanczos approximation (g = 7, n = 9), good to about 15 digits for x > 0.
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
		12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
	];
	const y = x - 1;
	let sum = c[0]!;
	for (let i = 1; i < 9; i++) sum += c[i]! / (y + i);
	const t = y + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	d = 1 / (Math.abs(d) < tiny ? tiny : d);
	let h = d;
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m;
		for (const aa of [
			(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
			(-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
		]) {
			d = 1 + aa * d;
			d = 1 / (Math.abs(d) < tiny ? tiny : d);
			c = 1 + aa / c;
			if (Math.abs(c) < tiny) c = tiny;
			h *= d * c;
		}
		if (Math.abs(d * c - 1) < 1e-15) break;
	}
	return h;
}

/** I_x(a, b). */
function regularisedBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
	return x < (a + 1) / (a + b + 2)
		? (front * betaFraction(a, b, x)) / a
		: 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with df degrees of freedom (df may be fractional). */
export function studentTCdf(t: number, df: number): number {
	const tail = 0.5 * regularisedBeta(df / (df + t * t), df / 2, 0.5);
	return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p, for p in (0.5, 1). */
export function studentTQuantile(p: number, df: number): number {
	let lo = 0;
	let hi = 1;
	while (studentTCdf(hi, df) < p) hi *= 2;
	for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
		const mid = (lo + hi) / 2;
		if (studentTCdf(mid, df) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sampleVariance = (xs: readonly number[], m: number) =>
	xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);

export interface MeanGap {
	/** mean(a) − mean(b). */
	gap: number;
	/** 95% interval; the gap itself when neither sample varies. */
	ci: [number, number];
}

/** Mean of a minus mean of b with Welch's 95% interval; each sample needs two values at least. */
export function welchInterval(a: readonly number[], b: readonly number[]): MeanGap {
	const ma = mean(a);
	const mb = mean(b);
	const va = sampleVariance(a, ma) / a.length;
	const vb = sampleVariance(b, mb) / b.length;
	const gap = ma - mb;
	const se = Math.sqrt(va + vb);
	if (se === 0) return { gap, ci: [gap, gap] };
	const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
	const half = studentTQuantile(0.975, df) * se;
	return { gap, ci: [gap - half, gap + half] };
}
