// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionInfo, SessionUser } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
