import { readScimPatch, ScimError, scimUserSchema } from '#lib/domain/scim.ts';
import { toScimUser } from '#lib/domain/scim-resources.ts';
import {
	deprovisionUser,
	getProvisionedUser,
	patchProvisionedUser,
	replaceProvisionedUser
} from '#lib/server/accounts/scim-users.ts';
import { handleScim, readScimBody, scimAnswer, scimUserId } from '#lib/server/web/scim.ts';
import { z } from 'zod';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleScim(async ({ actor, db, base, event }) =>
	scimAnswer(toScimUser(await getProvisionedUser(db, actor, scimUserId(event.params.id)), base))
);

export const PUT: RequestHandler = handleScim(async ({ actor, db, base, event }) => {
	const id = scimUserId(event.params.id);
	const input = await readScimBody(event.request, scimUserSchema);
	return scimAnswer(toScimUser(await replaceProvisionedUser(db, actor, id, input), base));
});

export const PATCH: RequestHandler = handleScim(async ({ actor, db, base, event }) => {
	const id = scimUserId(event.params.id);
	const changes = readScimPatch(await readScimBody(event.request, z.unknown()));
	return scimAnswer(toScimUser(await patchProvisionedUser(db, actor, id, changes), base));
});

/** Deactivates: Panelist keeps every user's history (decision 028). */
export const DELETE: RequestHandler = handleScim(async ({ actor, db, event }) => {
	await deprovisionUser(db, actor, scimUserId(event.params.id));
	return scimAnswer(null, 204);
});

export const fallback: RequestHandler = handleScim(async ({ event }) => {
	throw new ScimError(405, `${event.request.method} is not allowed here`);
});
