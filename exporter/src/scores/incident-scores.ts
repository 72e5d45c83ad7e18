/** What the snapshot publishes about incidents: which series are in one, and their top causes. */
import type { SeriesKey } from '../store/store.js';

export interface RcaScore {
  symptom: SeriesKey;
  cause: SeriesKey;
  /** Share 0..1 of the ranking's evidence. */
  score: number;
}

export interface IncidentScores {
  /** Member series of open incidents. */
  open: readonly SeriesKey[];
  /** The top causes of open incidents only. */
  causes: readonly RcaScore[];
}
