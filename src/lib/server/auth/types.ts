export type Role = 'student' | 'teacher';

/** What the app knows about the signed-in user: never the password hash. */
export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	role: Role;
}

export interface SessionInfo {
	id: string;
	userId: string;
	createdAt: Date;
	expiresAt: Date;
	lastSeenAt: Date;
}
