/** What `omen eval rca` prints: recall per scenario and target metric, overall, and per case on request. */
import type { EvalRcaReport } from './eval-rca.js';
import type { Recall } from './score.js';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const cells = (r: Recall) => [String(r.cases), r.top1.toFixed(3), r.top3.toFixed(3)];

export function formatRcaReport(report: EvalRcaReport, options: { perCase: boolean }): string {
  const out = [
    `RCA evaluation: ranker ${report.ranker}, ${report.overall.cases} cases, ${report.seconds.toFixed(1)}s`,
    ...report.sources.map((source) => `  ${source}`),
    '',
    table([
      ['scenario', 'target', 'cases', 'top1', 'top3'],
      ...report.groups.map((g) => [g.scenario, g.targetMetric, ...cells(g)]),
      ['overall', '', ...cells(report.overall)],
    ]),
  ];
  if (report.sameRootCause)
    out.push(
      '',
      `Caution: every case has the same root cause (${report.sameRootCause}); recall here cannot tell`,
      'a method from one that always names it.',
    );
  if (options.perCase) {
    out.push('', 'case  root cause  rank  top 3');
    for (const c of report.cases)
      out.push(`${c.id}  ${c.rootCause}  ${c.rank ?? 'unranked'}  ${c.top.join(' | ')}`);
  }
  return `${out.join('\n')}\n`;
}

/** `--json`: one object; `overall` holds `top1` and `top3` (and the case count). */
export function formatRcaJson(report: EvalRcaReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
