/** One RCA case with its known answer, as every eval input (PetShop, generated) provides it. */
import type { RcaCase } from '../../models/rca/types.js';

export interface LabelledCase {
  /** e.g. `low_traffic`, or `generated` for the varied-cause set. */
  scenario: string;
  /** The folder the case came from (`low_traffic/train/issue_3`), or a generated case's name. */
  id: string;
  /** The symptom's metric family: latency or availability. */
  targetMetric: string;
  rootCause: string;
  input: RcaCase;
}
