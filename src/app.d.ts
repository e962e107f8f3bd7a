import type { AuthUser, ValidSession } from '#lib/server/auth/session.ts';

declare global {
	namespace App {
		interface Locals {
			user: AuthUser | null;
			session: ValidSession | null;
			/** Set when the request came with an API token instead of a session cookie. */
			apiTokenId: string | null;
			/** IANA zone for showing and reading times: the browser's (cookie), else the server's. */
			timeZone: string;
		}
		interface Error {
			message: string;
			reference?: string;
		}
	}
}

export {};
