/** Reading and writing numbers as the sources write them ("1,856", "$37.5 million", "thirty-one"). */

const SMALL: Record<string, number> = {
	zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
	eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

export const APPROXIMATE = /^(approximately|about|nearly|almost|around|roughly|some|over|more than|at least|less than|fewer than|up to)\s+/i;

/** The value of a number phrase, or undefined when it is not one. */
export function parseNumber(phrase: string): number | undefined {
	let text = phrase.trim().replace(APPROXIMATE, '').replace(/^\$/, '').replace(/\s*percent$|%$/i, '').toLowerCase();
	let scale = 1;
	const scaled = /^(.*?)\s+(thousand|million|billion)$/.exec(text);
	if (scaled) {
		scale = SCALE[scaled[2]];
		text = scaled[1];
	}
	if (/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, '')) * scale;
	if (text in SMALL) return SMALL[text] * scale;
	const compound = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?$/.exec(text);
	if (compound) return (TENS[compound[1]] + (compound[2] ? SMALL[compound[2]] : 0)) * scale;
	return undefined;
}

/** Writes a value the way the model text wrote its number: commas, "$… million", "… percent". */
export function formatLike(model: string, value: number): string {
	const core = model.replace(APPROXIMATE, '');
	const money = core.startsWith('$');
	const percent = /percent$/i.test(core) ? ' percent' : core.endsWith('%') ? '%' : '';
	const scaleWord = /\s(thousand|million|billion)\b/i.exec(core)?.[1];
	let amount = value;
	if (scaleWord) amount = value / SCALE[scaleWord.toLowerCase()];
	// a thousands comma from 1,000 up, unless the source itself writes four digits plainly ("2300")
	const commas = /\d,\d{3}/.test(core) || (!scaleWord && (amount >= 10_000 || (amount >= 1_000 && !/\d{4}/.test(core))));
	const decimals = /\.\d/.test(core) || !Number.isInteger(amount) ? 1 : 0;
	let digits = decimals && !Number.isInteger(Number(amount.toFixed(1))) ? amount.toFixed(1) : String(Math.round(amount));
	if (commas) digits = Number(digits).toLocaleString('en-US', { maximumFractionDigits: decimals });
	return `${money ? '$' : ''}${digits}${scaleWord ? ` ${scaleWord}` : ''}${percent}`;
}

/** A number written in words ("four", "Two") rather than digits. */
export function isWrittenInWords(text: string): boolean {
	return !/\d/.test(text);
}
