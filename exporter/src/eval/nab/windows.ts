/**
 * NAB's labels: windows.json maps `<category>/<file>.csv` to its anomaly windows
 * `[[start, end], ...]` as timestamps. Scoring counts rows, so each window becomes the
 * inclusive row range whose timestamps fall inside it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { NabInputError } from './errors.js';
import { parseNabTimestamp } from './timestamp.js';

/** Inclusive row indexes of one window. */
export interface RowWindow {
  start: number;
  end: number;
}

export interface TimeWindow {
  startMs: number;
  endMs: number;
  /** As written, for messages. */
  text: [string, string];
}

export type WindowsByFile = Map<string, TimeWindow[]>;

const WindowsFile = z.record(z.string(), z.array(z.tuple([z.string(), z.string()])));

/** Parses windows.json text; `name` is how errors refer to the file. */
export function parseWindows(text: string, name: string): WindowsByFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NabInputError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = WindowsFile.safeParse(json);
  if (!parsed.success) {
    throw new NabInputError(`${name}: expected {"<category>/<file>.csv": [["start", "end"], ...]}`);
  }
  const byFile: WindowsByFile = new Map();
  for (const [file, windows] of Object.entries(parsed.data)) {
    const timed = windows.map(([start, end]): TimeWindow => {
      const startMs = parseNabTimestamp(start);
      const endMs = parseNabTimestamp(end);
      if (startMs === null || endMs === null || endMs < startMs) {
        throw new NabInputError(`${name}: ${file}: bad window ["${start}", "${end}"]`);
      }
      return { startMs, endMs, text: [start, end] };
    });
    timed.sort((a, b) => a.startMs - b.startMs);
    for (let i = 1; i < timed.length; i += 1) {
      // Overlapping windows would let one detection count twice; NAB's never overlap.
      if ((timed[i] as TimeWindow).startMs <= (timed[i - 1] as TimeWindow).endMs) {
        throw new NabInputError(`${name}: ${file}: windows overlap at "${(timed[i] as TimeWindow).text[0]}"`);
      }
    }
    byFile.set(file, timed);
  }
  return byFile;
}

export function readWindows(path: string): WindowsByFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new NabInputError(
      `${path}: cannot read the windows file (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  return parseWindows(text, path);
}

function firstAtOrAfter(timestampsMs: readonly number[], t: number): number {
  let lo = 0;
  let hi = timestampsMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timestampsMs[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each window as the rows whose timestamps lie in [start, end]; a window with no row is an error. */
export function windowsToRows(
  timestampsMs: readonly number[],
  windows: readonly TimeWindow[],
  file: string,
): RowWindow[] {
  return windows.map((window) => {
    const start = firstAtOrAfter(timestampsMs, window.startMs);
    const end = firstAtOrAfter(timestampsMs, window.endMs + 1) - 1;
    if (start > end) {
      throw new NabInputError(
        `${file}: window ["${window.text[0]}", "${window.text[1]}"] holds no row of the file`,
      );
    }
    return { start, end };
  });
}
