import * as v from 'valibot';
import { EMAIL_MAX_LENGTH } from './email';
import { PASSWORD_MAX_LENGTH, newPasswordProblem } from './password';

/** Every auth form's fields, validated with valibot: each failure is a message for its field. */

export const DISPLAY_NAME_MAX_LENGTH = 60;

const text = (required: string) => v.pipe(v.string('This field must be text.'), v.trim(), v.nonEmpty(required));

const emailField = v.pipe(
	text('Enter your email address.'),
	v.maxLength(EMAIL_MAX_LENGTH, `Email addresses are at most ${EMAIL_MAX_LENGTH} characters.`),
	v.toLowerCase(),
	v.email('Enter an email address like name@school.org.')
);

// passwords are never trimmed: spaces are part of a passphrase
const newPasswordField = v.pipe(
	v.string('This field must be text.'),
	v.nonEmpty('Choose a password.'),
	v.check(
		(password) => newPasswordProblem(password) === null,
		(issue) => newPasswordProblem(String(issue.input)) ?? 'Choose another password.'
	)
);

const currentPasswordField = (required: string) =>
	v.pipe(
		v.string('This field must be text.'),
		v.nonEmpty(required),
		v.maxLength(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`)
	);

const redirectToField = v.optional(v.pipe(v.string(), v.maxLength(2000, 'That return address is too long.')), '');

export const signUpForm = v.object({
	email: emailField,
	displayName: v.pipe(
		text('Enter the name your teacher and classmates will see.'),
		v.maxLength(DISPLAY_NAME_MAX_LENGTH, `Use at most ${DISPLAY_NAME_MAX_LENGTH} characters.`),
		// eslint-disable-next-line no-control-regex
		v.regex(/^[^\u0000-\u001f\u007f]*$/, 'Use letters, numbers and punctuation only.')
	),
	role: v.picklist(['student', 'teacher'], 'Choose whether this is a student or a teacher account.'),
	password: newPasswordField,
	redirectTo: redirectToField
});

/** Usernames are generated for roster students: lower-case letters, digits and dots, never an "@". */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9.]{1,39}$/;

// an email (with an "@") or a username
const loginField = v.pipe(
	text('Enter your email or username.'),
	v.maxLength(EMAIL_MAX_LENGTH, `Emails and usernames are at most ${EMAIL_MAX_LENGTH} characters.`),
	v.toLowerCase(),
	v.check(
		(login) => (login.includes('@') ? v.is(v.pipe(v.string(), v.email()), login) : USERNAME_PATTERN.test(login)),
		'Enter an email address like name@school.org, or the username on your card.'
	)
);

export const signInForm = v.object({
	email: loginField,
	password: currentPasswordField('Enter your password.'),
	redirectTo: redirectToField
});

export const signUpInvitationField = v.optional(v.pipe(v.string(), v.regex(/^[a-z2-7]{32}$/, 'That invitation link is not valid.')));

/** The first sign-in with a one-time password: the new password, twice. */
export const firstPasswordForm = v.pipe(
	v.object({ newPassword: newPasswordField, confirmPassword: v.string('This field must be text.') }),
	v.forward(
		v.check((input) => input.newPassword === input.confirmPassword, 'The two passwords differ. Type the same password twice.'),
		['confirmPassword']
	)
);

export const changePasswordForm = v.object({
	currentPassword: currentPasswordField('Enter your current password.'),
	newPassword: newPasswordField
});

export const deleteAccountForm = v.object({
	password: currentPasswordField('Enter your password to confirm.')
});

export const endSessionForm = v.object({
	sessionId: v.pipe(v.string('Choose a session to end.'), v.regex(/^[a-z2-7]{32}$/, 'That session was not found.'))
});

export type FieldErrors = Record<string, string>;

export type FormResult<TSchema extends v.GenericSchema> =
	| { ok: true; data: v.InferOutput<TSchema> }
	| { ok: false; errors: FieldErrors };

/** Reads the submitted form against a schema: the data, or the first message for each field. */
export function readForm<TSchema extends v.GenericSchema>(schema: TSchema, form: FormData): FormResult<TSchema> {
	const input: Record<string, FormDataEntryValue> = {};
	for (const [key, value] of form) input[key] ??= value;
	// a field left out of the request reads as empty, so it gets its "required" message
	const entries = 'entries' in schema ? schema.entries : 'pipe' in schema ? (schema.pipe as { entries?: object }[])[0]?.entries : undefined;
	if (entries) for (const key of Object.keys(entries)) input[key] ??= '';
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true, data: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const field = v.getDotPath(issue) ?? 'form';
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}

/** What the form may show again after a failure: typed text, never a password. */
export function keptValues(form: FormData, fields: readonly string[]): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const field of fields) {
		const value = form.get(field);
		// a value too long to be valid is not worth echoing back in full
		kept[field] = typeof value === 'string' ? value.slice(0, 300) : '';
	}
	return kept;
}
