import { and, desc, eq, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { namedStatement } from '../db/named-statement';
import { sessions } from '../db/schema';
import { generateSessionToken, hashSessionSecret, parseSessionToken, sessionSecretMatches } from './token';
import { isSessionExpired, sessionExpiresAt, shouldTouchLastSeen } from './expiry';
import type { Role, SessionInfo, SessionUser } from './types';

export interface ClientDetails {
	userAgent: string;
	ipAddress: string;
}

/** Starts a session; the returned token goes into the cookie and is never stored. */
export async function createSession(
	db: Database,
	userId: string,
	client: ClientDetails,
	now = new Date()
): Promise<{ token: string; session: SessionInfo }> {
	const { id, secret, token } = generateSessionToken();
	const session: SessionInfo = { id, userId, createdAt: now, expiresAt: sessionExpiresAt(now, now), lastSeenAt: now };
	await db.insert(sessions).values({
		...session,
		secretHash: hashSessionSecret(secret),
		// bounded so a huge header cannot bloat the table
		userAgent: client.userAgent.slice(0, 512),
		ipAddress: client.ipAddress.slice(0, 64)
	});
	return { token, session };
}

export type SessionValidationResult =
	| { session: SessionInfo & { fresh: boolean }; user: SessionUser }
	| { session: null; user: null };

const NO_SESSION = { session: null, user: null } as const;

/** Every request with a session cookie runs this: built once and prepared under a name. */
const sessionWithUser = namedStatement(
	'auth_session_with_user',
	() => sql`
		select s.user_id as "userId", s.secret_hash as "secretHash", s.created_at as "createdAt",
		       s.expires_at as "expiresAt", s.last_seen_at as "lastSeenAt", u.email, u.username, u.display_name as "displayName", u.role,
		       u.must_change_password as "mustChangePassword"
		from sessions as s join users as u on u.id = s.user_id
		where s.id = ${sql.placeholder('id')}`
);

interface SessionWithUserRow {
	userId: string;
	secretHash: Uint8Array;
	// timestamps arrive as PostgreSQL's text from both drivers
	createdAt: string;
	expiresAt: string;
	lastSeenAt: string;
	email: string | null;
	username: string | null;
	displayName: string;
	role: Role;
	mustChangePassword: boolean;
}

/**
 * Signs the user in afresh: a new token, and the session this browser presented before (if any)
 * ends, so a token someone planted or copied earlier does not outlive the sign-in (ASVS 5.0 V7.2.4).
 */
export async function rotateSession(
	db: Database,
	userId: string,
	previousSessionId: string | null,
	client: ClientDetails,
	now = new Date()
): Promise<{ token: string; session: SessionInfo }> {
	const created = await createSession(db, userId, client, now);
	if (previousSessionId) await invalidateSession(db, previousSessionId);
	return created;
}

/**
 * The Lucia guide's validation: find by id, compare the secret's hash in constant time, delete
 * the session once expired (idle for a week, or 30 days after sign-in whatever the activity), and
 * on activity move the idle expiry on (`fresh` tells the caller to send the cookie again with it).
 */
export async function validateSessionToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<SessionValidationResult> {
	const parts = parseSessionToken(token);
	if (!parts) return NO_SESSION;
	const [row] = await sessionWithUser<SessionWithUserRow>(db, { id: parts.id });
	// a wrong secret leaves the row alone: knowing an id alone must not let anyone end a session
	if (!row || !sessionSecretMatches(parts.secret, row.secretHash)) return NO_SESSION;
	const expiresAt = new Date(row.expiresAt);
	const createdAt = new Date(row.createdAt);
	if (isSessionExpired(expiresAt, now, createdAt)) {
		await db.delete(sessions).where(eq(sessions.id, parts.id));
		return NO_SESSION;
	}
	const session = {
		id: parts.id,
		userId: row.userId,
		createdAt,
		expiresAt,
		lastSeenAt: new Date(row.lastSeenAt),
		fresh: false
	};
	if (shouldTouchLastSeen(session.lastSeenAt, now)) {
		session.lastSeenAt = now;
		session.expiresAt = sessionExpiresAt(createdAt, now);
		session.fresh = session.expiresAt.getTime() !== expiresAt.getTime();
		await db
			.update(sessions)
			.set({ expiresAt: session.expiresAt, lastSeenAt: now })
			.where(eq(sessions.id, parts.id));
	}
	const user: SessionUser = {
		id: row.userId,
		email: row.email,
		username: row.username,
		displayName: row.displayName,
		role: row.role,
		mustChangePassword: row.mustChangePassword
	};
	return { session, user };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends one of the user's own sessions; false when it is not theirs (or already gone). */
export async function invalidateUserSession(db: Database, userId: string, sessionId: string): Promise<boolean> {
	const deleted = await db
		.delete(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
		.returning({ id: sessions.id });
	return deleted.length > 0;
}

/** Ends every session of the user except `keepSessionId` (all of them when it is omitted). */
export async function invalidateUserSessions(db: Database, userId: string, keepSessionId?: string): Promise<number> {
	const condition = keepSessionId
		? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
		: eq(sessions.userId, userId);
	const deleted = await db.delete(sessions).where(condition).returning({ id: sessions.id });
	return deleted.length;
}

export interface ActiveSession {
	id: string;
	createdAt: Date;
	lastSeenAt: Date;
	expiresAt: Date;
	userAgent: string;
	ipAddress: string;
}

export async function listUserSessions(db: Database, userId: string, now = new Date()): Promise<ActiveSession[]> {
	const rows = await db
		.select({
			id: sessions.id,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			expiresAt: sessions.expiresAt,
			userAgent: sessions.userAgent,
			ipAddress: sessions.ipAddress
		})
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.lastSeenAt));
	return rows.filter((row) => !isSessionExpired(row.expiresAt, now, row.createdAt));
}

/** Sweeps sessions nobody presented before they expired. */
export async function deleteExpiredSessions(db: Database, now = new Date()): Promise<number> {
	const deleted = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id });
	return deleted.length;
}
