/**
 * Runs a detector over a file the way NAB requires and the pipeline does: online, each row
 * scored from itself and the rows before it only, through the detector's own state.
 */
import type { AnomalyDetector, DetectionContext } from '../../models/types.js';

export interface OnlineInput {
  timestampsMs: readonly number[];
  values: readonly number[];
}

/** NAB files carry no season: the detector finds one from the data, as for `season: auto`. */
const NAB_CONTEXT: DetectionContext = { seasonMs: null, detectSeason: true };

/** One score per row in [0, 1]. */
export function scoreOnline(input: OnlineInput, detector: AnomalyDetector): Float64Array {
  const rows = input.values.length;
  const scores = new Float64Array(rows);
  const state = detector.init();
  for (let i = 0; i < rows; i += 1) {
    const result = detector.update(
      state,
      { timestampMs: input.timestampsMs[i] as number, value: input.values[i] as number },
      NAB_CONTEXT,
    );
    // A warming series never alarms in production (anomaly_active stays 0, DESIGN Decision
    // 4), so it must not "detect" here either.
    scores[i] = result === null || result.warming ? 0 : result.score;
  }
  return scores;
}
