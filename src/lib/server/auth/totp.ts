import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32NoPadding } from '@oslojs/encoding';

// TOTP as RFC 6238 defines it: HOTP over the number of 30-second steps since the epoch, six
// digits, SHA-1 (what every authenticator app speaks). We compute the step ourselves, rather
// than ask the library whether a code is good now, because refusing a replayed code needs to
// know which step it was for.

export const totpPeriodSeconds = 30;
const digits = 6;
/** One step either side: a phone's clock a little off, or a code typed as it turned over. */
const driftSteps = 1;

export function generateTotpKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}

export function timeStep(now: number): number {
	return Math.floor(now / 1000 / totpPeriodSeconds);
}

export function totpCodeAt(key: Uint8Array, step: number): string {
	return generateHOTP(key, BigInt(step), digits);
}

/**
 * The time step the code belongs to, within the allowed drift, and only if it comes after
 * `lastUsedStep`; otherwise null.
 */
export function matchTotpStep(
	key: Uint8Array,
	code: string,
	now: number,
	lastUsedStep: number | null
): number | null {
	const current = timeStep(now);
	const given = new TextEncoder().encode(code);
	for (let step = current - driftSteps; step <= current + driftSteps; step++) {
		if (lastUsedStep !== null && step <= lastUsedStep) continue;
		const expected = new TextEncoder().encode(totpCodeAt(key, step));
		if (given.length === expected.length && constantTimeEqual(given, expected)) return step;
	}
	return null;
}

/** What an authenticator app scans: `otpauth://totp/Panelist:<email>?secret=…`. */
export function totpKeyUri(email: string, key: Uint8Array): string {
	return createTOTPKeyURI('Panelist', email, key, totpPeriodSeconds, digits);
}

/** The key as people type it into an app without a camera: base32, in groups of four. */
export function manualEntryKey(key: Uint8Array): string {
	return encodeBase32NoPadding(key)
		.match(/.{1,4}/g)!
		.join(' ');
}
