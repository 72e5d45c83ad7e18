/**
 * Reads one NAB data file: a `timestamp,value` header and one row per point. The format has
 * no quoting, no embedded commas and two columns, so splitting on commas is exact and a CSV
 * library would add nothing but a dependency.
 */
import { readFileSync } from 'node:fs';
import { NabInputError } from './errors.js';
import { parseNabTimestamp } from './timestamp.js';

export interface NabSeries {
  /** Timestamps as written, so the results file copies them byte for byte. */
  timestampText: string[];
  timestampsMs: number[];
  /** Values as written (same reason), and parsed. */
  valueText: string[];
  values: number[];
}

function fail(name: string, line: number, problem: string): never {
  throw new NabInputError(`${name}: line ${line}: ${problem}`);
}

/** Parses the text of a NAB CSV; `name` is how errors refer to the file. */
export function parseNabCsv(text: string, name: string): NabSeries {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines[0]?.replace(/^\uFEFF/, '').trim();
  if (header !== 'timestamp,value')
    fail(name, 1, `expected the header "timestamp,value", got "${header ?? ''}"`);
  const series: NabSeries = { timestampText: [], timestampsMs: [], valueText: [], values: [] };
  for (let i = 1; i < lines.length; i += 1) {
    const row = lines[i] as string;
    const cells = row.split(',');
    if (cells.length !== 2) fail(name, i + 1, `expected "timestamp,value", got "${row}"`);
    const [timestamp, valueText] = cells as [string, string];
    const ms = parseNabTimestamp(timestamp);
    if (ms === null) fail(name, i + 1, `not a timestamp: "${timestamp}"`);
    const value = valueText.trim() === '' ? NaN : Number(valueText);
    if (!Number.isFinite(value)) fail(name, i + 1, `not a number: "${valueText}"`);
    // Equal timestamps do occur in NAB (a DST hour logged twice); going back in time does not.
    const previous = series.timestampsMs[series.timestampsMs.length - 1];
    if (previous !== undefined && ms < previous)
      fail(name, i + 1, `timestamp ${timestamp} goes back in time`);
    series.timestampText.push(timestamp);
    series.timestampsMs.push(ms);
    series.valueText.push(valueText);
    series.values.push(value);
  }
  if (series.values.length === 0) fail(name, 2, 'no data rows');
  return series;
}

export function readNabCsv(path: string, name: string): NabSeries {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new NabInputError(
      `${name}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  return parseNabCsv(text, name);
}
