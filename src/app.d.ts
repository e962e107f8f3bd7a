import type { AuthUser, ValidSession } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: AuthUser | null;
			session: ValidSession | null;
		}
		interface Error {
			message: string;
			reference?: string;
		}
	}
}

export {};
