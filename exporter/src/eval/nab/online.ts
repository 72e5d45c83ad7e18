/**
 * Runs a detector over a file the way NAB requires and the pipeline does: online, each row
 * scored from itself and the rows before it only, with the detector's own `historyPoints`
 * of recent history (oldest first) — what a cycle reads from the store for it.
 */
import type { AnomalyDetector } from '../../models/types.js';

export interface OnlineInput {
  timestampsMs: readonly number[];
  values: readonly number[];
}

/** One score per row in [0, 1]. */
export function scoreOnline(
  input: OnlineInput,
  detector: AnomalyDetector,
  seasonMs: number | null,
): Float64Array {
  const rows = input.values.length;
  const scores = new Float64Array(rows);
  const history = detector.historyPoints;
  for (let i = 0; i < rows; i += 1) {
    const from = Math.max(0, i - history);
    const result = detector.score(
      {
        signal: 'nab',
        service: 'nab',
        timestampsMs: input.timestampsMs.slice(from, i + 1),
        values: input.values.slice(from, i + 1),
      },
      { seasonMs },
    );
    // A warming series never alarms in production (anomaly_active stays 0, DESIGN Decision
    // 4), so it must not "detect" here either.
    scores[i] = result === null || result.warming ? 0 : result.score;
  }
  return scores;
}
