/**
 * One sample line of the Prometheus text format 0.0.4 or OpenMetrics 1.0:
 *
 *   name{label="value",…} value [timestamp] [# {exemplar labels} value [timestamp]]
 *
 * Read with a cursor rather than a regular expression because a label value may hold
 * anything, including `}`, ` # ` or an escaped quote, and only a left-to-right reading
 * knows where the value ends. A line that does not follow the grammar yields a reason
 * instead of a sample; nothing here throws.
 */
import type { ExpositionSample } from './sample.js';

export type LineOutcome = { sample: ExpositionSample } | { error: string };

const METRIC_NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
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

class Cursor {
  position = 0;
  constructor(readonly text: string) {}

  get atEnd(): boolean {
    return this.position >= this.text.length;
  }
  peek(): string {
    return this.text[this.position] ?? '';
  }
  /** Consumes spaces and tabs; true when there was at least one. */
  skipBlanks(): boolean {
    const start = this.position;
    while (this.peek() === ' ' || this.peek() === '\t') this.position++;
    return this.position > start;
  }
  match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text);
    if (!found) return undefined;
    this.position += found[0].length;
    return found[0];
  }
  /** The characters up to the next blank or the end of the line. */
  token(): string {
    const start = this.position;
    while (!this.atEnd && this.peek() !== ' ' && this.peek() !== '\t') this.position++;
    return this.text.slice(start, this.position);
  }
}

class LineError extends Error {}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n' };

function readLabelValue(cursor: Cursor): string {
  if (cursor.peek() !== '"')
    throw new LineError(`expected " to open a label value at column ${cursor.position + 1}`);
  cursor.position++;
  // Nearly every value has no escape: one slice up to the closing quote, rather than a
  // string grown a character at a time (which made the parser's garbage its main cost).
  const { text } = cursor;
  const close = text.indexOf('"', cursor.position);
  const escape = text.indexOf('\\', cursor.position);
  if (close !== -1 && (escape === -1 || escape > close)) {
    const value = text.slice(cursor.position, close);
    cursor.position = close + 1;
    return value;
  }
  return readEscapedValue(cursor);
}

function readEscapedValue(cursor: Cursor): string {
  let value = '';
  for (;;) {
    if (cursor.atEnd) throw new LineError('unterminated label value');
    const char = cursor.peek();
    cursor.position++;
    if (char === '"') return value;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = ESCAPES[cursor.peek()];
    if (escaped === undefined) throw new LineError(`invalid escape \\${cursor.peek()} in a label value`);
    value += escaped;
    cursor.position++;
  }
}

function readLabels(cursor: Cursor): Record<string, string> {
  const labels: Record<string, string> = {};
  cursor.position++; // the opening brace
  for (;;) {
    cursor.skipBlanks();
    if (cursor.peek() === '}') break;
    const name = cursor.match(LABEL_NAME);
    if (name === undefined) throw new LineError(`expected a label name at column ${cursor.position + 1}`);
    if (name === '__name__') throw new LineError('the label name __name__ is reserved');
    if (Object.hasOwn(labels, name)) throw new LineError(`label ${name} appears twice`);
    cursor.skipBlanks();
    if (cursor.peek() !== '=') throw new LineError(`expected = after label ${name}`);
    cursor.position++;
    cursor.skipBlanks();
    labels[name] = readLabelValue(cursor);
    cursor.skipBlanks();
    if (cursor.peek() === ',') cursor.position++;
    else if (cursor.peek() !== '}') throw new LineError(`expected , or } after label ${name}`);
  }
  cursor.position++; // the closing brace
  return labels;
}

function readValue(cursor: Cursor, name: string): number {
  if (!cursor.skipBlanks() || cursor.atEnd) throw new LineError(`no value for ${name}`);
  const token = cursor.token();
  const value = parseNumber(token);
  if (value === undefined) throw new LineError(`value "${token.slice(0, 40)}" is not a number`);
  return value;
}

/** The optional timestamp is checked but not kept (see sample.ts); an exemplar is skipped. */
function readTail(cursor: Cursor): void {
  cursor.skipBlanks();
  if (cursor.atEnd || cursor.peek() === '#') return;
  const token = cursor.token();
  const timestamp = parseNumber(token);
  if (timestamp === undefined || !Number.isFinite(timestamp)) {
    throw new LineError(`timestamp "${token.slice(0, 40)}" is not a number`);
  }
  cursor.skipBlanks();
  if (!cursor.atEnd && cursor.peek() !== '#') throw new LineError('unexpected text after the timestamp');
}

/** Parses one non-comment, non-blank line. */
export function parseSampleLine(line: string): LineOutcome {
  const cursor = new Cursor(line);
  try {
    cursor.skipBlanks();
    const name = cursor.match(METRIC_NAME);
    if (name === undefined) return { error: 'expected a metric name' };
    const labels = cursor.peek() === '{' ? readLabels(cursor) : {};
    const value = readValue(cursor, name);
    readTail(cursor);
    return { sample: { name, labels, value } };
  } catch (error) {
    if (error instanceof LineError) return { error: error.message };
    throw error;
  }
}
