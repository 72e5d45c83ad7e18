/**
 * Reads a whole exposition — Prometheus text format 0.0.4 or OpenMetrics 1.0 — into
 * samples, line by line, so that one bad line costs that line and nothing else.
 *
 * Written here rather than taken from npm: no well-kept package parses both formats with
 * per-line error recovery (`parse-prometheus-text-format` throws on the first bad line,
 * and would lose a whole scrape to one).
 *
 * A line is an error, counted and skipped, when it does not follow the grammar, is longer
 * than `maxLineLength`, repeats a series already read (the first one wins), or carries NaN
 * or ±Inf: those cannot be turned into rates or modelled, so they are reported rather than
 * passed on.
 */
import { SampleLineReader } from './exposition-line.js';
import type { ExpositionSample } from './sample.js';
import { SeenSeries } from './seen-series.js';

export type ExpositionFormat = 'text' | 'openmetrics';

export interface LineError {
  /** 1-based line number; 0 for a problem with the response as a whole. */
  line: number;
  reason: string;
}

export interface ParsedExposition {
  samples: ExpositionSample[];
  /** Every error, up to `maxReportedErrors` of them (a garbage body must not cost memory). */
  errors: LineError[];
  /** How many errors there were in all, including those not kept in `errors`. */
  errorCount: number;
}

export interface ParseOptions {
  /** OpenMetrics also requires the closing `# EOF`, whose absence means a cut-off body. */
  format?: ExpositionFormat;
  maxLineLength?: number;
  maxReportedErrors?: number;
}

export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
const DEFAULT_MAX_REPORTED_ERRORS = 100;

const METRIC_TYPES = new Set([
  'counter',
  'gauge',
  'histogram',
  'summary',
  'untyped',
  'unknown',
  'gaugehistogram',
  'stateset',
  'info',
]);
// Families whose `<family>_created` sample is a creation timestamp, not a measurement.
const TYPES_WITH_CREATED = new Set(['counter', 'histogram', 'summary', 'gaugehistogram']);

class ExpositionReader {
  readonly errors: LineError[] = [];
  errorCount = 0;
  sawEof = false;
  private readonly seen: SeenSeries;
  private readonly types = new Map<string, string>();
  private readonly lines = new SampleLineReader();

  /** `bodyLength` sizes the table of seen series: sample lines are rarely under 48 characters. */
  constructor(
    private readonly maxReportedErrors: number,
    bodyLength: number,
  ) {
    this.seen = new SeenSeries(Math.min(bodyLength / 48, 1 << 20));
  }

  fail(line: number, reason: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxReportedErrors) this.errors.push({ line, reason });
  }

  comment(line: number, text: string): void {
    const [, keyword, family, rest] = /^#\s*(\S+)\s*(\S*)\s*(.*)$/.exec(text) ?? [];
    if (keyword === 'EOF' && family === '') this.sawEof = true;
    if (keyword !== 'TYPE') return; // HELP, UNIT and free comments carry nothing Omen uses
    const type = rest?.trim() ?? '';
    if (!family || !METRIC_TYPES.has(type)) this.fail(line, `malformed TYPE line: "${text.slice(0, 80)}"`);
    else this.types.set(family, type);
  }

  /** The sample line body[start, end). */
  sample(line: number, body: string, start: number, end: number): void {
    const sample = this.lines.read(body, start, end);
    if (typeof sample === 'string') return this.fail(line, sample);
    const { name, value } = sample;
    if (this.isCreatedTimestamp(name)) return;
    if (!Number.isFinite(value)) return this.fail(line, `${name}: value ${value} cannot be used`);
    if (!this.seen.admit(this.lines.hash, sample)) {
      return this.fail(line, `${name}: duplicate series (the first one is kept)`);
    }
  }

  samples(): ExpositionSample[] {
    return this.seen.samples;
  }

  private isCreatedTimestamp(name: string): boolean {
    if (!name.endsWith('_created')) return false;
    return TYPES_WITH_CREATED.has(this.types.get(name.slice(0, -'_created'.length)) ?? '');
  }
}

const CARRIAGE_RETURN = 13;
const HASH = 35;

/** Whether a character may start a line's content: printable ASCII other than a blank. */
const isVisibleAscii = (c: number) => c > 32 && c < 127;

export function parseExposition(body: string, options: ParseOptions = {}): ParsedExposition {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const reader = new ExpositionReader(options.maxReportedErrors ?? DEFAULT_MAX_REPORTED_ERRORS, body.length);
  // Line by line in place, with no array of line strings: a scrape has tens of thousands.
  let line = 0;
  for (let start = 0; start <= body.length;) {
    let next = body.indexOf('\n', start);
    if (next === -1) next = body.length;
    line += 1;
    const end = next > start && body.charCodeAt(next - 1) === CARRIAGE_RETURN ? next - 1 : next;
    readLine(reader, body, line, start, end, maxLineLength);
    start = next + 1;
  }
  if (options.format === 'openmetrics' && !reader.sawEof) {
    reader.fail(line, 'no # EOF: the response may have been cut short');
  }
  return { samples: reader.samples(), errors: reader.errors, errorCount: reader.errorCount };
}

function readLine(
  reader: ExpositionReader,
  body: string,
  line: number,
  start: number,
  end: number,
  maxLineLength: number,
): void {
  const first = start < end ? body.charCodeAt(start) : -1;
  // The common lines start with a letter or `#`; anything else is checked on its text.
  const text = isVisibleAscii(first) ? undefined : body.slice(start, end);
  if (text !== undefined && text.trim() === '') return;
  if (reader.sawEof) return reader.fail(line, 'text after # EOF');
  if (end - start > maxLineLength) return reader.fail(line, `line longer than ${maxLineLength} characters`);
  const comment = text === undefined ? first === HASH : text.trimStart().startsWith('#');
  if (comment) return reader.comment(line, (text ?? body.slice(start, end)).trimStart());
  reader.sample(line, body, start, end);
}
