/** `omen backtest`'s printout: the set-up, one row per breach, and the totals a team judges rules by. */
import { median } from 'simple-statistics';
import { formatDuration } from '../../config/duration.js';
import { table } from '../text-table.js';
import type { BacktestResult } from './backtest.js';

const DAY_MS = 86_400_000;

const at = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

function lead(ms: number): string {
  const rounded = Math.round(ms / 1000) * 1000;
  return rounded < 0 ? `-${formatDuration(-rounded)}` : formatDuration(rounded);
}

export function formatBacktest(name: string, points: number, result: BacktestResult): string {
  const { rule, episodes } = result;
  const days = (result.replayToMs - result.replayFromMs) / DAY_MS;
  const caught = episodes.filter((e) => e.predictedAtMs !== null);
  const leads = caught.map((e) => e.breachedAtMs - (e.predictedAtMs as number));
  const pageLeads = caught.map((e) => e.thresholdAlertAtMs - (e.predictedAtMs as number));
  const lines = [
    `${name}: ${points} points, step ${formatDuration(result.stepMs)}`,
    `model ${result.forecaster}; threshold ${Number(result.threshold.toPrecision(6))} (${result.thresholdLearned ? 'learned from the first part' : 'given'}); ` +
      `horizon ${formatDuration(result.horizonMs)} → ${rule.name} (fires at P ≥ ${rule.fireAt} held ${formatDuration(rule.forMs)}, holds while ≥ ${rule.holdAt})`,
    `replayed ${at(result.replayFromMs)} → ${at(result.replayToMs)} (${days.toFixed(2)} days), each point predicted before it was seen`,
    '',
  ];
  if (episodes.length > 0) {
    const rows = episodes.map((e) => [
      at(e.breachedAtMs),
      at(e.thresholdAlertAtMs),
      e.predictedAtMs === null ? 'missed' : at(e.predictedAtMs),
      e.predictedAtMs === null ? '' : lead(e.breachedAtMs - e.predictedAtMs),
      e.predictedAtMs === null ? '' : lead(e.thresholdAlertAtMs - e.predictedAtMs),
    ]);
    lines.push(
      table(
        [
          'breached at',
          'threshold alert at',
          'predicted alert at',
          'lead vs breach',
          'lead vs threshold alert',
        ],
        rows,
        new Set([3, 4]),
      ),
      '',
    );
  }
  const summary =
    `breaches ${episodes.length}, caught ${caught.length}, missed ${episodes.length - caught.length}` +
    (caught.length > 0
      ? `; median lead ${lead(median(leads))} before the breach, ${lead(median(pageLeads))} before the threshold alert`
      : '');
  const perDay = days > 0 ? (result.falseAlarmsAtMs.length / days).toFixed(2) : 'n/a';
  lines.push(summary, `false alarms ${result.falseAlarmsAtMs.length} (${perDay} per day)`, '');
  return lines.join('\n');
}
