/**
 * One sample line of the Prometheus text format 0.0.4 or OpenMetrics 1.0:
 *
 *   name{label="value",…} value [timestamp] [# {exemplar labels} value [timestamp]]
 *
 * Read left to right by character code rather than with a regular expression because a
 * label value may hold anything, including `}`, ` # ` or an escaped quote, and only a
 * left-to-right reading knows where the value ends. The line is read in place inside the
 * whole body, and the names the previous line used are reused rather than sliced again:
 * this runs for every line of every scrape, and its garbage was most of its cost. A line
 * that does not follow the grammar yields a reason instead of a sample; nothing here throws.
 */
import { parseNumber, plainDecimal } from './exposition-number.js';
import type { ExpositionSample } from './sample.js';
import { FNV_OFFSET, fnvStep, labelHash, seriesHash, stringHash } from './seen-series.js';

const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const COMMA = 44;
const COLON = 58;
const EQUALS = 61;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

const isLetterOrUnderscore = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLabelNameChar = (c: number) => isLetterOrUnderscore(c) || isDigit(c);
/** Metric names also allow `:`; label names do not. */
const isMetricNameChar = (c: number) => isLabelNameChar(c) || c === COLON;

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n' };

class LineError extends Error {}

/**
 * Reads sample lines one after another. After each successful read, `hash` holds the
 * series' hash for SeenSeries: the same whatever order the labels were written in.
 */
export class SampleLineReader {
  hash = 0;
  private text = '';
  private lineStart = 0;
  private position = 0;
  private end = 0;
  /** Running FNV hash of the characters of the last name or value read. */
  private running = 0;
  /** The labels' shares of the series hash, summed (seen-series.ts). */
  private labelsSum = 0;
  private lastName = '';
  private readonly lastLabelNames: string[] = [];

  /** Parses the non-comment, non-blank line text[start, end). */
  read(text: string, start: number, end: number): ExpositionSample | string {
    this.text = text;
    this.lineStart = start;
    this.position = start;
    this.end = end;
    try {
      return this.readSample();
    } catch (error) {
      if (error instanceof LineError) return error.message;
      throw error;
    }
  }

  private readSample(): ExpositionSample | string {
    this.skipBlanks();
    const c = this.peek();
    if (!isLetterOrUnderscore(c) && c !== COLON) return 'expected a metric name';
    const name = (this.lastName = this.readName(isMetricNameChar, this.lastName));
    const nameHash = this.running;
    this.labelsSum = 0;
    const labels = this.peek() === OPEN_BRACE ? this.readLabels() : {};
    const value = this.readValue(name);
    this.readTail();
    this.hash = seriesHash(nameHash, this.labelsSum);
    return { name, labels, value };
  }

  private column(): number {
    return this.position - this.lineStart + 1;
  }

  private peek(): number {
    return this.position < this.end ? this.text.charCodeAt(this.position) : -1;
  }

  /** Consumes spaces and tabs; true when there was at least one. */
  private skipBlanks(): boolean {
    const start = this.position;
    while (this.peek() === SPACE || this.peek() === TAB) this.position++;
    return this.position > start;
  }

  /**
   * The name at the cursor (possibly empty), hashed into `running`; `previous` itself when
   * it is the same name, as it is on most lines of a family.
   */
  private readName(isNameChar: (c: number) => boolean, previous: string): string {
    const start = this.position;
    let hash = FNV_OFFSET;
    for (let c = this.peek(); isNameChar(c); c = this.peek()) {
      hash = fnvStep(hash, c);
      this.position++;
    }
    this.running = hash;
    const length = this.position - start;
    if (length === previous.length && this.text.startsWith(previous, start)) return previous;
    return this.text.slice(start, this.position);
  }

  private readLabels(): Record<string, string> {
    const labels: Record<string, string> = {};
    this.position++; // the opening brace
    for (let index = 0; ; index += 1) {
      this.skipBlanks();
      if (this.peek() === CLOSE_BRACE) break;
      const name = this.readLabelName(index);
      const nameHash = this.running;
      if (Object.hasOwn(labels, name)) throw new LineError(`label ${name} appears twice`);
      this.skipBlanks();
      if (this.peek() !== EQUALS) throw new LineError(`expected = after label ${name}`);
      this.position++;
      this.skipBlanks();
      labels[name] = this.readLabelValue();
      this.labelsSum = (this.labelsSum + labelHash(nameHash, this.running)) | 0;
      this.skipBlanks();
      if (this.peek() === COMMA) this.position++;
      else if (this.peek() !== CLOSE_BRACE) throw new LineError(`expected , or } after label ${name}`);
    }
    this.position++; // the closing brace
    return labels;
  }

  private readLabelName(index: number): string {
    const start = this.position;
    const previous = this.lastLabelNames[index] ?? '';
    const name = isLetterOrUnderscore(this.peek()) ? this.readName(isLabelNameChar, previous) : '';
    if (name === '') throw new LineError(`expected a label name at column ${start - this.lineStart + 1}`);
    if (name === '__name__') throw new LineError('the label name __name__ is reserved');
    this.lastLabelNames[index] = name;
    return name;
  }

  /** The value between quotes, unescaped, hashed into `running`. */
  private readLabelValue(): string {
    if (this.peek() !== QUOTE)
      throw new LineError(`expected " to open a label value at column ${this.column()}`);
    const start = ++this.position;
    let hash = FNV_OFFSET;
    // Nearly every value has no escape: one slice up to the closing quote.
    for (let c = this.peek(); c !== QUOTE; c = this.peek()) {
      if (c === -1) throw new LineError('unterminated label value');
      if (c === BACKSLASH) return this.readEscapedValue(start);
      hash = fnvStep(hash, c);
      this.position++;
    }
    this.running = hash;
    return this.text.slice(start, this.position++);
  }

  private readEscapedValue(start: number): string {
    let value = this.text.slice(start, this.position);
    for (;;) {
      const c = this.peek();
      if (c === -1) throw new LineError('unterminated label value');
      this.position++;
      if (c === QUOTE) break;
      if (c !== BACKSLASH) {
        value += String.fromCharCode(c);
        continue;
      }
      const next = this.position < this.end ? this.text.charAt(this.position) : '';
      const escaped = ESCAPES[next];
      if (escaped === undefined) throw new LineError(`invalid escape \\${next} in a label value`);
      value += escaped;
      this.position++;
    }
    this.running = stringHash(value);
    return value;
  }

  /** Moves past the characters up to the next blank or the end of the line. */
  private skipToken(): void {
    for (let c = this.peek(); c !== -1 && c !== SPACE && c !== TAB; c = this.peek()) this.position++;
  }

  /** The token at the cursor as a number, or undefined (with the token) when it is none. */
  private readNumber(): number | { notANumber: string } {
    const start = this.position;
    this.skipToken();
    const plain = plainDecimal(this.text, start, this.position);
    if (plain !== undefined) return plain;
    const token = this.text.slice(start, this.position);
    return parseNumber(token) ?? { notANumber: token.slice(0, 40) };
  }

  private readValue(name: string): number {
    if (!this.skipBlanks() || this.peek() === -1) throw new LineError(`no value for ${name}`);
    const value = this.readNumber();
    if (typeof value !== 'number') throw new LineError(`value "${value.notANumber}" is not a number`);
    return value;
  }

  /** The optional timestamp is checked but not kept (see sample.ts); an exemplar is skipped. */
  private readTail(): void {
    this.skipBlanks();
    if (this.peek() === -1 || this.peek() === HASH) return;
    const start = this.position;
    const timestamp = this.readNumber();
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
      const token = this.text.slice(start, this.position).slice(0, 40);
      throw new LineError(`timestamp "${token}" is not a number`);
    }
    this.skipBlanks();
    const c = this.peek();
    if (c !== -1 && c !== HASH) throw new LineError('unexpected text after the timestamp');
  }
}
