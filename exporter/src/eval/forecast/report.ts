/** The text `omen eval forecast` prints: overall by horizon, then one line per file, then the files set apart. */
import { table } from '../text-table.js';
import type { EvalForecastReport, FileForecastReport, Scores } from './eval-forecast.js';

const pct = (share: number | undefined): string => (share === undefined ? 'n/a' : (100 * share).toFixed(1));
const num = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

function scoreCells(s: Scores, levels: readonly number[]): string[] {
  return [num(s.smape, 2), ...levels.map((l) => pct(s.coverage.get(l))), num(s.msis, 2)];
}

function fileCells(f: FileForecastReport): string[] {
  return [f.file, String(f.points), f.period === null ? 'none' : String(f.period)];
}

function fileRow(f: FileForecastReport, levels: readonly number[]): string[] {
  const model = f.model.get(0) as Scores;
  const baseline = f.baseline.get(0) as Scores;
  return [...fileCells(f), num(model.mase), num(baseline.mase), ...scoreCells(model, levels)];
}

export function formatForecastReport(report: EvalForecastReport): string {
  const { levels, horizons, testFraction } = report.options;
  const coverage = levels.map((l) => `cov${Math.round(l * 100)}%`);
  const counted = report.files.filter((f) => !f.apart);
  const apart = report.files.filter((f) => f.apart);
  const out: string[] = [
    `Forecast evaluation: ${report.forecaster} against ${report.baseline}, rolling origins over the last ` +
      `${Math.round(testFraction * 100)}% of each file, horizons ${horizons.join(', ')} steps; ` +
      `${report.files.length} files (${apart.length} set apart), ${report.seconds.toFixed(1)}s`,
    'MASE scaled by the in-sample seasonal-naive error; ratio = mean MASE / mean seasonal-naive MASE (M4); MSIS of the widest interval.',
    '',
  ];
  const overallRows = [0, ...horizons].map((h) => {
    const o = report.overall.get(h) as { model: Scores; baseline: Scores; ratio: number };
    return [
      h === 0 ? 'all' : String(h),
      num(o.model.mase),
      num(o.baseline.mase),
      num(o.ratio),
      ...scoreCells(o.model, levels),
    ];
  });
  out.push(
    table(
      ['horizon', 'MASE', 'naive MASE', 'ratio', 'sMAPE', ...coverage, 'MSIS'],
      overallRows,
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ),
    '',
  );
  const right = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const header = ['file', 'points', 'period', 'MASE', 'naive MASE', 'sMAPE', ...coverage, 'MSIS'];
  out.push(
    table(
      header,
      counted.map((f) => fileRow(f, levels)),
      right,
    ),
  );
  if (apart.length > 0) {
    out.push('', 'Set apart (seasonal-naive error is zero, so MASE is not finite):');
    out.push(
      table(
        ['file', 'points', 'period', 'MAE', 'naive MAE', ...coverage],
        apart.map((f) => {
          const m = f.model.get(0) as Scores;
          return [
            ...fileCells(f),
            num(f.maeModel),
            num(f.maeBaseline),
            ...levels.map((l) => pct(m.coverage.get(l))),
          ];
        }),
        new Set([1, 2, 3, 4, 5, 6]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
