/** The text `omen eval breach` prints: pooled scores, the reliability table, alert recall, then per file. */
import { table } from '../text-table.js';
import { baseRate, brier, brierSkill, expectedCalibrationError, reliability } from './breach-scores.js';
import type { EvalBreachReport, FileBreachReport } from './eval-breach.js';

const num = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

function recallCells(events: number, caught: (lead: number) => number, leads: readonly number[]): string[] {
  return leads.map((lead) => (events === 0 ? 'n/a' : num(caught(lead) / events)));
}

function fileRow(f: FileBreachReport, leads: readonly number[]): string[] {
  return [
    f.file,
    String(Number(f.threshold.toPrecision(6))),
    num(baseRate(f.points)),
    num(brier(f.points), 4),
    num(brierSkill(f.points)),
    String(f.events.events),
    ...recallCells(f.events.events, (l) => f.events.caught.get(l) ?? 0, leads),
    num(f.events.falseAlarms / f.days, 2),
  ];
}

export function formatBreachReport(report: EvalBreachReport): string {
  const { horizon, leads, cutoff, learnFraction } = report.options;
  const points = report.files.flatMap((f) => f.points);
  const bins = reliability(points);
  const events = report.files.reduce((s, f) => s + f.events.events, 0);
  const caught = (lead: number): number =>
    report.files.reduce((s, f) => s + (f.events.caught.get(lead) ?? 0), 0);
  const falseAlarms = report.files.reduce((s, f) => s + f.events.falseAlarms, 0);
  const days = report.files.reduce((s, f) => s + f.days, 0);
  const leadHeads = leads.map((l) => `recall@${l}`);
  const out: string[] = [
    `Breach evaluation: P(breach within ${horizon} steps) from ${report.forecaster}, threshold learned from the first ` +
      `${Math.round(learnFraction * 100)}% of each file; ${report.files.length} files, ${points.length} predictions, ${report.seconds.toFixed(1)}s`,
    '',
    table(
      ['Brier', 'base rate', 'Brier skill', 'ECE', 'breaches', ...leadHeads, `false alarms/day @${cutoff}`],
      [
        [
          num(brier(points), 4),
          num(baseRate(points)),
          num(brierSkill(points)),
          num(expectedCalibrationError(bins), 4),
          String(events),
          ...recallCells(events, caught, leads),
          num(falseAlarms / days, 3),
        ],
      ],
      new Set(Array.from({ length: 6 + leads.length }, (_, i) => i)),
    ),
    '',
    'Reliability (pooled):',
    table(
      ['probability', 'predictions', 'mean said', 'observed'],
      bins.map((b) => [
        `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
        String(b.count),
        num(b.meanProbability),
        num(b.observed),
      ]),
      new Set([1, 2, 3]),
    ),
    '',
    table(
      ['file', 'threshold', 'base rate', 'Brier', 'skill', 'breaches', ...leadHeads, 'FA/day'],
      report.files.map((f) => fileRow(f, leads)),
      new Set(Array.from({ length: 7 + leads.length }, (_, i) => i + 1)),
    ),
  ];
  return `${out.join('\n')}\n`;
}
