/**
 * A cell a spreadsheet would read as a formula (a leading =, +, -, @, or tab/carriage return, as
 * OWASP lists) gets a leading apostrophe, so a student's name or typed answer can never run as one.
 * Only text that people typed goes through this; numbers are written as numbers.
 */
export function neutraliseFormula(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A score (0–1) as a percentage with one decimal, blank when there is none. */
export function percentCell(score: number | null): string {
	return score === null ? '' : String(Math.round(score * 1000) / 10);
}

/** "87.5%" for 0.875, "90%" for 0.9, "–" for none: the same rounding as the CSV and the student's own results. */
export function percentText(score: number | null): string {
	return score === null ? '–' : `${percentCell(score)}%`;
}
