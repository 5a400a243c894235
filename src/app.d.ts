// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionValidationResult } from '$lib/server/auth/session';

declare global {
	namespace App {
		// typed from what session validation returns, so the two cannot drift apart
		interface Locals {
			user: SessionValidationResult['user'];
			session: SessionValidationResult['session'];
		}
		interface Error {
			message: string;
		}
	}
}

export {};
