import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for auth forms: keeps what was typed after a failure (like the no-JavaScript
 * round trip does) but always empties password fields, then moves focus to the first field
 * with an error so keyboard and screen-reader users land on it.
 */
export function enhanceAuthForm(onBusy?: (busy: boolean) => void): SubmitFunction {
	return () => {
		onBusy?.(true);
		return async ({ formElement, result, update }) => {
			await update({ reset: false });
			onBusy?.(false);
			for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
			if (result.type === 'failure') {
				const invalid = formElement.querySelector<HTMLElement>('[aria-invalid="true"]');
				(invalid ?? formElement.querySelector<HTMLElement>('input[type="password"]'))?.focus();
			}
		};
	};
}
