import React from 'react';
import { Badge, useStyles2 } from '@grafana/ui';
import type { ModelsResponse } from '../../api/contract';
import { formatNumber } from '../format';
import { formatTime } from '../formatTime';
import { getTableStyles } from '../tableStyles';
import { testIds } from '../testIds';

type Model = ModelsResponse['items'][number];

const percent = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);

/** Recent one-step error over the error at training: above the drift factor, the exporter refits early. */
export function driftRatio(model: Model): number | null {
  const { recentError, trainingError } = model.live ?? {};
  return recentError != null && trainingError ? recentError / trainingError : null;
}

/** Each trained model instance: when and why it was trained, its backtest quality and how it is doing since. */
export function ModelsTable({ models }: { models: Model[] }) {
  const styles = useStyles2(getTableStyles);
  return (
    <table className={styles.table} data-testid={testIds.models.table}>
      <thead>
        <tr>
          <th>Model</th>
          <th>Series</th>
          <th className={styles.number}>Version</th>
          <th>Trained</th>
          <th>Why</th>
          <th className={styles.number}>Samples</th>
          <th className={styles.number}>MASE</th>
          <th className={styles.number}>Brier</th>
          <th className={styles.number}>Coverage 80/95</th>
          <th className={styles.number} title="Recent one-step error over the error at training">
            Drift
          </th>
          <th />
        </tr>
      </thead>
      <tbody>
        {models.map((model) => (
          <tr key={model.id}>
            <td>{model.model}</td>
            <td>
              {model.signal} · {model.service}
            </td>
            <td className={styles.number}>{model.version}</td>
            <td>{formatTime(model.trainedAt)}</td>
            <td>{model.reason}</td>
            <td className={styles.number}>{model.samples}</td>
            <td className={styles.number}>{formatNumber(model.backtest.mase)}</td>
            <td className={styles.number}>{formatNumber(model.backtest.brier)}</td>
            <td className={styles.number}>
              {percent(model.live?.coverage80 ?? null)} / {percent(model.live?.coverage95 ?? null)}
            </td>
            <td className={styles.number}>{formatNumber(driftRatio(model))}</td>
            <td>
              {model.live?.refitPending && <Badge text={`refit due: ${model.live.refitPending}`} color="orange" />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
