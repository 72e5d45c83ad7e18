/**
 * Writes a detector's scores in NAB's results layout, `<out>/<detector>/<category>/
 * <detector>_<file>.csv` with `timestamp,value,anomaly_score`, so NAB's own tools can read it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NabSeries } from './csv.js';
import { NabInputError } from './errors.js';

export function resultsPath(outDir: string, detector: string, file: string): string {
  const slash = file.lastIndexOf('/');
  return join(outDir, detector, file.slice(0, slash), `${detector}_${file.slice(slash + 1)}`);
}

export function writeResults(path: string, series: NabSeries, scores: ArrayLike<number>): void {
  const lines = ['timestamp,value,anomaly_score'];
  for (let i = 0; i < series.values.length; i += 1) {
    lines.push(`${series.timestampText[i]},${series.valueText[i]},${scores[i]}`);
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${lines.join('\n')}\n`);
  } catch (error) {
    throw new NabInputError(
      `${path}: cannot write the results (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}
