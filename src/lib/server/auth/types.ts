/** The administrator also teaches: every teacher guard admits them. */
export type Role = 'student' | 'teacher' | 'admin';

/** What the app knows about the signed-in user: never the password hash. */
export interface SessionUser {
	id: string;
	/** null for a student a teacher added by name */
	email: string | null;
	username: string | null;
	displayName: string;
	role: Role;
	/** signed in with a one-time password: every page asks for a new one first */
	mustChangePassword: boolean;
}

export const isTeacherRole = (role: Role): boolean => role === 'teacher' || role === 'admin';

/** The name the user signs in with: email, or the username a teacher's roster gave them. */
export const loginName = (user: Pick<SessionUser, 'email' | 'username'>): string => user.email ?? user.username ?? '';

export interface SessionInfo {
	id: string;
	userId: string;
	createdAt: Date;
	expiresAt: Date;
	lastSeenAt: Date;
}
