import { error } from '@sveltejs/kit';
import { parseId } from '../../domain/ids';
import { ForbiddenError, NotFoundError } from '../platform/errors';

/** A numeric id from the URL (digits, no leading zero); anything else is a page that does not exist. */
export function idParam(raw: string): number {
	const id = parseId(raw);
	if (id === null) error(404, 'Not found');
	return id;
}

/** Runs a load's feature call, turning "not allowed" and "not there" into 403 and 404 pages. */
export async function orPageError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (err) {
		if (err instanceof ForbiddenError) error(403, err.message);
		if (err instanceof NotFoundError) error(404, err.message);
		throw err;
	}
}
