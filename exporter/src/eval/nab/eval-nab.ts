/**
 * `omen eval nab`: reads a NAB-layout corpus, runs the production detector online over
 * every file, writes NAB results files, and — with windows — scores them by the NAB method.
 * Every input is read and checked before the (slow) detection starts, so a bad row in the
 * last file fails in a second, not after the whole run.
 */
import { join } from 'node:path';
import { anomalyDetectors, DEFAULT_DETECTOR } from '../../models/registry.js';
import { resolveCorpus } from './corpus.js';
import { readNabCsv, type NabSeries } from './csv.js';
import { NabInputError } from './errors.js';
import { scoreOnline } from './online.js';
import { resultsPath, writeResults } from './results.js';
import { labelRows, PROFILES, type FileLabels, type Profile } from './rules.js';
import { normalise, scoreFile, type FileOutcome } from './scorer.js';
import { sweepThreshold } from './sweep.js';
import { readWindows, windowsToRows, type WindowsByFile } from './windows.js';

/** NAB's results folder and file prefix for this detector. */
export const RESULTS_NAME = 'omen';

export interface EvalNabOptions {
  dataDir: string;
  outDir: string;
  windowsPath?: string;
  /** One line per finished file (the CLI prints them on stderr). */
  onProgress?: (line: string) => void;
}

export interface FileReport {
  file: string;
  rows: number;
  resultsPath: string;
  seconds: number;
  /** With windows: the outcome under the standard profile at its corpus threshold. */
  standard?: FileOutcome & { windows: number };
}

export interface ProfileReport {
  profile: Profile;
  threshold: number;
  raw: number;
  /** Null when the corpus has no windows. */
  score: number | null;
}

export interface EvalNabReport {
  detector: string;
  windowsPath: string | null;
  files: FileReport[];
  /** Null without a windows file. */
  profiles: ProfileReport[] | null;
  windows: number;
  seconds: number;
}

interface LoadedFile {
  name: string;
  series: NabSeries;
  labels: FileLabels | null;
}

function loadCorpus(
  root: string,
  files: string[],
  windows: WindowsByFile | null,
  windowsPath: string,
): LoadedFile[] {
  if (windows) {
    const missing = [...windows.keys()].filter((name) => !files.includes(name));
    if (missing.length > 0) {
      throw new NabInputError(`${windowsPath}: names ${missing[0]}, which is not in ${root}`);
    }
  }
  return files.map((name) => {
    const series = readNabCsv(join(root, name), join(root, name));
    if (!windows) return { name, series, labels: null };
    const timed = windows.get(name);
    if (!timed) throw new NabInputError(`${windowsPath}: has no entry for ${name}`);
    return {
      name,
      series,
      labels: labelRows(series.values.length, windowsToRows(series.timestampsMs, timed, name)),
    };
  });
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

export function runEvalNab(options: EvalNabOptions): EvalNabReport {
  const started = performance.now();
  const corpus = resolveCorpus(options.dataDir, options.windowsPath);
  const windows = corpus.windowsPath === null ? null : readWindows(corpus.windowsPath);
  const loaded = loadCorpus(corpus.root, corpus.files, windows, corpus.windowsPath ?? '');
  const detector = anomalyDetectors[DEFAULT_DETECTOR]();

  const scored = loaded.map((file, k) => {
    const t0 = performance.now();
    const scores = scoreOnline(file.series, detector);
    const path = resultsPath(options.outDir, RESULTS_NAME, file.name);
    writeResults(path, file.series, scores);
    const report: FileReport = {
      file: file.name,
      rows: file.series.values.length,
      resultsPath: path,
      seconds: seconds(t0),
    };
    options.onProgress?.(
      `[${k + 1}/${loaded.length}] ${file.name} ${report.rows} rows ${report.seconds.toFixed(1)}s`,
    );
    return { file, scores, report };
  });

  const files = scored.map((s) => s.report);
  const labelled = scored.flatMap(({ file, scores }) =>
    file.labels ? [{ labels: file.labels, scores }] : [],
  );
  const windowCount = labelled.reduce((sum, f) => sum + f.labels.windows.length, 0);
  let profiles: ProfileReport[] | null = null;
  if (windows) {
    profiles = PROFILES.map((profile) => {
      const { threshold } = sweepThreshold(labelled, profile);
      // Summed directly rather than taken from the sweep's running total: no rounding drift.
      const raw = labelled.reduce((sum, f) => sum + scoreFile(f.labels, f.scores, threshold, profile).raw, 0);
      return { profile, threshold, raw, score: normalise(raw, windowCount, profile) };
    });
    const standard = profiles[0] as ProfileReport;
    scored.forEach(({ file, scores, report }) => {
      const labels = file.labels as FileLabels;
      report.standard = {
        ...scoreFile(labels, scores, standard.threshold, standard.profile),
        windows: labels.windows.length,
      };
    });
  }
  return {
    detector: detector.name,
    windowsPath: corpus.windowsPath,
    files,
    profiles,
    windows: windowCount,
    seconds: seconds(started),
  };
}
