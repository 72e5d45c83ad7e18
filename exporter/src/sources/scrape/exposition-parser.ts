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
import { parseSampleLine } from './exposition-line.js';
import { seriesKey, type ExpositionSample } from './sample.js';

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
  readonly samples: ExpositionSample[] = [];
  readonly errors: LineError[] = [];
  errorCount = 0;
  sawEof = false;
  private readonly seen = new Set<string>();
  private readonly types = new Map<string, string>();

  constructor(private readonly maxReportedErrors: number) {}

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

  sample(line: number, text: string): void {
    const outcome = parseSampleLine(text);
    if ('error' in outcome) return this.fail(line, outcome.error);
    const { name, labels, value } = outcome.sample;
    if (this.isCreatedTimestamp(name)) return;
    if (!Number.isFinite(value)) return this.fail(line, `${name}: value ${value} cannot be used`);
    const key = seriesKey(name, labels);
    if (this.seen.has(key)) return this.fail(line, `${name}: duplicate series (the first one is kept)`);
    this.seen.add(key);
    this.samples.push(outcome.sample);
  }

  private isCreatedTimestamp(name: string): boolean {
    if (!name.endsWith('_created')) return false;
    return TYPES_WITH_CREATED.has(this.types.get(name.slice(0, -'_created'.length)) ?? '');
  }
}

export function parseExposition(body: string, options: ParseOptions = {}): ParsedExposition {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const reader = new ExpositionReader(options.maxReportedErrors ?? DEFAULT_MAX_REPORTED_ERRORS);
  const lines = body.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    if (reader.sawEof) return reader.fail(line, 'text after # EOF');
    if (text.length > maxLineLength) return reader.fail(line, `line longer than ${maxLineLength} characters`);
    if (text.trimStart().startsWith('#')) return reader.comment(line, text.trimStart());
    reader.sample(line, text);
  });
  if (options.format === 'openmetrics' && !reader.sawEof) {
    reader.fail(lines.length, 'no # EOF: the response may have been cut short');
  }
  return { samples: reader.samples, errors: reader.errors, errorCount: reader.errorCount };
}
