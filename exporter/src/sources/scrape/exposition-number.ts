/**
 * Numbers in an exposition: sample values and timestamps.
 */

// Go's strconv.ParseFloat is what Prometheus clients' output is read with; this is the
// subset of it that exposition writers use (no hex floats, no `_` digit separators).
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** The number a value or timestamp token spells, or undefined when it spells none. */
export function parseNumber(token: string): number | undefined {
  if (DECIMAL.test(token)) return Number(token);
  const special = SPECIAL.exec(token);
  if (!special) return undefined;
  if (special[2]!.toLowerCase() === 'nan') return NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);
const MAX_EXACT_DIGITS = 15;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;

/**
 * The value of text[start, end) when it is a plain decimal of at most 15 digits (`42`,
 * `-0.25`, `1027.5`), read without making a string; undefined for anything else, which
 * then goes through parseNumber. Exact: the digits make an integer below 2^53 and 10^k
 * is exact for k ≤ 15, so the one division rounds correctly, as Number() does.
 */
export function plainDecimal(text: string, start: number, end: number): number | undefined {
  let i = start;
  const sign = text.charCodeAt(i);
  if (sign === MINUS || sign === PLUS) i += 1;
  let digits = 0;
  let mantissa = 0;
  let fractionDigits = -1;
  for (; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (fractionDigits >= 0) fractionDigits += 1;
    } else if (c === DOT && fractionDigits < 0) fractionDigits = 0;
    else return undefined;
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return undefined;
  const magnitude = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits]! : mantissa;
  return sign === MINUS ? -magnitude : magnitude;
}
