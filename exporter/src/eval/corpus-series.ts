/**
 * Every series of a NAB-layout folder, read and checked before any model runs: a bad row
 * in the last file fails in a second, not after the whole evaluation.
 */
import { join } from 'node:path';
import { resolveCorpus } from './nab/corpus.js';
import { readNabCsv, type NabSeries } from './nab/csv.js';

export interface CorpusSeries {
  /** `<category>/<file>.csv`. */
  name: string;
  data: NabSeries;
}

export function readCorpusSeries(dataDir: string): CorpusSeries[] {
  const corpus = resolveCorpus(dataDir);
  return corpus.files.map((name) => ({ name, data: readNabCsv(join(corpus.root, name), name) }));
}
