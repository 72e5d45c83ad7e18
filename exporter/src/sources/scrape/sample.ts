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

/**
 * Identifies a series independently of the order in which its labels were written. Runs
 * once per line of every scrape, so it joins with NUL rather than JSON-encoding: label
 * names cannot hold NUL, and a value that does takes the JSON form instead, which starts
 * with "[" where a metric name cannot, so the two forms never collide.
 */
export function seriesKey(name: string, labels: Readonly<Record<string, string>>): string {
  const names = Object.keys(labels);
  // Exporters nearly always write labels sorted; sorting is then a no-op worth skipping.
  if (!isSorted(names)) names.sort();
  let key = name;
  for (const label of names) {
    const value = labels[label]!;
    if (value.includes('\u0000')) return JSON.stringify([name, names.map((l) => [l, labels[l]])]);
    key += `\u0000${label}\u0000${value}`;
  }
  return key;
}

function isSorted(items: readonly string[]): boolean {
  for (let i = 1; i < items.length; i += 1) if (items[i - 1]! > items[i]!) return false;
  return true;
}
