/** The text `omen eval nab` prints: the three profile scores, then one line per file. */
import { table } from '../text-table.js';
import type { EvalNabReport } from './eval-nab.js';

/** Calibrated scores crowd just below 1, so a few significant digits would all read "1.00000". */
function threshold(t: number): string {
  return Number.isFinite(t) ? String(Number(t.toPrecision(8))) : 'never';
}

export function formatReport(report: EvalNabReport): string {
  const out: string[] = [];
  const total = report.files.reduce((sum, f) => sum + f.rows, 0);
  out.push(
    `NAB evaluation: detector ${report.detector} (default parameters, online), ` +
      `${report.files.length} files, ${total} rows, ${report.seconds.toFixed(1)}s`,
  );
  if (!report.profiles) {
    out.push('No windows file: results written, not scored (pass --windows <windows.json>).');
    return `${out.join('\n')}\n`;
  }
  out.push(`Windows: ${report.windowsPath} (${report.windows} windows)`, '');
  out.push(
    table(
      ['profile', 'score', 'threshold', 'raw'],
      report.profiles.map((p) => [
        p.profile.label,
        p.score === null ? 'n/a' : p.score.toFixed(1),
        threshold(p.threshold),
        p.raw.toFixed(2),
      ]),
      new Set([1, 2, 3]),
    ),
    '',
    'Per file (standard profile, at its corpus threshold):',
    table(
      ['file', 'rows', 'windows', 'TP', 'FP', 'FN', 'raw'],
      report.files.map((f) => [
        f.file,
        String(f.rows),
        String(f.standard?.windows ?? 0),
        String(f.standard?.tp ?? 0),
        String(f.standard?.fp ?? 0),
        String(f.standard?.fn ?? 0),
        (f.standard?.raw ?? 0).toFixed(2),
      ]),
      new Set([1, 2, 3, 4, 5, 6]),
    ),
  );
  return `${out.join('\n')}\n`;
}
