// Résumés: one PDF per candidate, checked by its bytes rather than by what the browser claims.

/** The largest résumé accepted unless RESUME_MAX_BYTES says otherwise: 10 MB. */
export const defaultResumeMaxBytes = 10 * 1024 * 1024;

/** Whether the bytes start as a PDF does (`%PDF-`), whatever type or name came with them. */
export function looksLikePdf(bytes: Uint8Array): boolean {
	const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
	return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * A file name safe to put in Content-Disposition: letters, digits, dot, dash, underscore and
 * space only, ending in .pdf, never empty (the uploaded name is the user's text).
 */
export function safePdfName(name: string): string {
	const base = name
		.replace(/\.pdf$/i, '')
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9._ -]+/g, '')
		.replace(/^[.\s]+/, '')
		.trim()
		.slice(0, 80);
	return `${base || 'resume'}.pdf`;
}

/** "2.4 MB", "180 KB": sizes as people read them. */
export function describeSize(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
