/**
 * Finds the files of a NAB-layout data dir: `<category>/<file>.csv`, either directly under
 * the given dir or under its `data/` folder (the layout of NAB's repository and of
 * ../shared/data/nab, whose windows.json sits beside `data/` and is then the default).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NabInputError } from './errors.js';

export interface Corpus {
  /** The folder holding the category folders. */
  root: string;
  /** The windows file to score with, or null to only write results. */
  windowsPath: string | null;
  /** `<category>/<file>.csv`, sorted: the keys windows.json uses. */
  files: string[];
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

export function resolveCorpus(dataDir: string, windowsOption?: string): Corpus {
  if (!isDir(dataDir)) throw new NabInputError(`${dataDir}: no such directory`);
  const nested = join(dataDir, 'data');
  const root = isDir(nested) ? nested : dataDir;
  const besideData = join(dataDir, 'windows.json');
  const windowsPath = windowsOption ?? (root === nested && existsSync(besideData) ? besideData : null);
  const files: string[] = [];
  for (const category of readdirSync(root).sort()) {
    if (!isDir(join(root, category))) continue;
    for (const file of readdirSync(join(root, category)).sort()) {
      if (file.endsWith('.csv')) files.push(`${category}/${file}`);
    }
  }
  if (files.length === 0) throw new NabInputError(`${root}: no <category>/<file>.csv files`);
  return { root, windowsPath, files };
}
