import { parseScimFilter, ScimError, scimPageSchema, scimUserSchema } from '#lib/domain/scim.ts';
import { toScimList, toScimUser } from '#lib/domain/scim-resources.ts';
import { listProvisionedUsers, provisionUser } from '#lib/server/accounts/scim-users.ts';
import { handleScim, readScimBody, scimAnswer } from '#lib/server/web/scim.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleScim(async ({ actor, db, base, event }) => {
	const query = event.url.searchParams;
	const filter = query.get('filter');
	const page = scimPageSchema.parse({ startIndex: query.get('startIndex'), count: query.get('count') });
	const { records, totalResults } = await listProvisionedUsers(db, actor, {
		filter: filter === null ? null : parseScimFilter(filter),
		...page
	});
	return scimAnswer(
		toScimList(
			records.map((record) => toScimUser(record, base)),
			totalResults,
			page.startIndex
		)
	);
});

export const POST: RequestHandler = handleScim(async ({ actor, db, base, event }) => {
	const input = await readScimBody(event.request, scimUserSchema);
	const user = toScimUser(await provisionUser(db, actor, input), base);
	return scimAnswer(user, 201, { location: user.meta.location });
});

export const fallback: RequestHandler = handleScim(async ({ event }) => {
	throw new ScimError(405, `${event.request.method} is not allowed here`);
});
