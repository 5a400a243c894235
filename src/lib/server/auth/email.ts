/** Emails are stored trimmed and lower-cased, so "Ana@School.org " and "ana@school.org" are one account. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export const EMAIL_MAX_LENGTH = 254;
