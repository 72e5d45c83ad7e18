/**
 * One sample of the target's exposition: what the parser produces and the selectors,
 * the rate state and the signal evaluation consume. The target's own timestamp is not
 * kept: every sample of a scrape is taken to be "now" (the cycle's clock), like a
 * Prometheus scrape without `honor_timestamps`, so rates never mix two clocks.
 */
export interface ExpositionSample {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** Identifies a series independently of the order in which its labels were written. */
export function seriesKey(name: string, labels: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((label) => [label, labels[label]]);
  return JSON.stringify([name, pairs]);
}
