/**
 * PetShop's two CSV shapes. `metrics.csv`: header rows `microservice`, `metric`, `statistic`
 * (node, metric and statistic per column), a `unix_timestamp` row, then one row per
 * 5-minute step; empty cells are no data. `graph.csv`: an adjacency matrix, row calls column.
 * Neither quotes nor embeds commas, so splitting on commas is exact.
 */
import { readFileSync } from 'node:fs';
import { RcaInputError } from './errors.js';

export interface MetricColumn {
  node: string;
  metric: string;
  statistic: string;
}

export interface MetricsTable {
  columns: MetricColumn[];
  timestamps: number[];
  /** values[column][row]; NaN where the cell is empty. */
  values: number[][];
}

function readLines(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RcaInputError(`${path}: cannot read the file`);
  }
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line !== '');
}

function expectFirstCell(path: string, line: number, cells: string[] | undefined, first: string): string[] {
  if (cells?.[0] !== first)
    throw new RcaInputError(`${path}: line ${line}: expected a row starting with "${first}"`);
  return cells.slice(1);
}

function cellNumber(path: string, line: number, cell: string): number {
  if (cell.trim() === '') return NaN;
  const value = Number(cell);
  if (!Number.isFinite(value)) throw new RcaInputError(`${path}: line ${line}: not a number: "${cell}"`);
  return value;
}

export function readMetricsCsv(path: string): MetricsTable {
  const rows = readLines(path).map((line) => line.split(','));
  const nodes = expectFirstCell(path, 1, rows[0], 'microservice');
  const metrics = expectFirstCell(path, 2, rows[1], 'metric');
  const statistics = expectFirstCell(path, 3, rows[2], 'statistic');
  expectFirstCell(path, 4, rows[3], 'unix_timestamp');
  if (metrics.length !== nodes.length || statistics.length !== nodes.length)
    throw new RcaInputError(`${path}: the three header rows have different lengths`);
  const columns = nodes.map((node, c) => ({ node, metric: metrics[c]!, statistic: statistics[c]! }));
  const values = columns.map(() => [] as number[]);
  const timestamps: number[] = [];
  rows.slice(4).forEach((cells, r) => {
    const line = r + 5;
    if (cells.length !== columns.length + 1)
      throw new RcaInputError(`${path}: line ${line}: ${cells.length} cells, expected ${columns.length + 1}`);
    timestamps.push(cellNumber(path, line, cells[0]!));
    columns.forEach((_, c) => values[c]!.push(cellNumber(path, line, cells[c + 1]!)));
  });
  if (timestamps.length === 0) throw new RcaInputError(`${path}: no data rows`);
  return { columns, timestamps, values };
}

/** Caller → callees from the adjacency matrix (a non-zero cell: the row's node calls the column's). */
export function readGraphCsv(path: string): Map<string, string[]> {
  const rows = readLines(path).map((line) => line.split(','));
  const nodes = rows[0]?.slice(1) ?? [];
  if (nodes.length === 0) throw new RcaInputError(`${path}: no header row of node names`);
  const calls = new Map<string, string[]>(nodes.map((node) => [node, []]));
  rows.slice(1).forEach((cells, r) => {
    const [caller, ...flags] = cells;
    if (!caller || flags.length !== nodes.length)
      throw new RcaInputError(`${path}: line ${r + 2}: expected a node name and ${nodes.length} cells`);
    const callees = calls.get(caller) ?? [];
    flags.forEach((flag, c) => {
      if (cellNumber(path, r + 2, flag) !== 0) callees.push(nodes[c]!);
    });
    calls.set(caller, callees);
  });
  return calls;
}
