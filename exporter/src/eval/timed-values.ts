/** A series as the eval commands read it from a CSV: timestamps (ms) and values, oldest first. */
export interface TimedValues {
  timestampsMs: readonly number[];
  values: readonly number[];
}

/** The median spacing of the timestamps: the series' sampling interval, robust to gaps. */
export function typicalStepMs(timestampsMs: readonly number[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < timestampsMs.length; i += 1) {
    const gap = (timestampsMs[i] as number) - (timestampsMs[i - 1] as number);
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1];
}
