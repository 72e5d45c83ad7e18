/**
 * PromQL string literals, as the matchers of a selector write their values: "double" or
 * 'single' quoted with Go's escapes, or `raw` (no escapes). Go's escapes matter because
 * PromQL users write regexes such as "5\\d\\d": the backslash is doubled in the selector.
 */

/** A selector that cannot be parsed; says what is wrong, where, and in which selector. */
export class SelectorError extends Error {
  constructor(
    readonly reason: string,
    /** 0-based offset into the selector text. */
    readonly position: number,
    readonly selector: string,
  ) {
    super(`invalid selector ${selector || '(empty)'}: ${reason} (at character ${position + 1})`);
    this.name = 'SelectorError';
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Reads the escape starting at the backslash at `at`; returns its text and length. */
function readEscape(text: string, at: number): { value: string; length: number } {
  const kind = text[at + 1] ?? '';
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { value: simple, length: 2 };
  const digits = HEX_DIGITS[kind];
  if (digits !== undefined) {
    const hex = text.slice(at + 2, at + 2 + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
      throw new SelectorError(`\\${kind} needs ${digits} hex digits`, at, text);
    }
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw new SelectorError(`\\${kind}${hex} is not a character`, at, text);
    return { value: String.fromCodePoint(code), length: 2 + digits };
  }
  const octal = text.slice(at + 1, at + 4);
  if (/^[0-3][0-7]{2}$/.test(octal)) return { value: String.fromCharCode(parseInt(octal, 8)), length: 4 };
  throw new SelectorError(
    `unknown escape sequence \\${kind} (write \\\\${kind} for a backslash in a regex)`,
    at,
    text,
  );
}

/** Reads the literal whose opening quote is at `start`; `end` is just past its closing quote. */
export function readStringLiteral(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const char = text[at]!;
    if (char === quote) return { value, end: at + 1 };
    if (char === '\\' && quote !== '`') {
      const escape = readEscape(text, at);
      value += escape.value;
      at += escape.length;
      continue;
    }
    if (char === '\n' && quote !== '`') break;
    value += char;
    at++;
  }
  throw new SelectorError('unterminated string', start, text);
}
