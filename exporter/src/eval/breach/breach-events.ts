/**
 * The alert's view of one series: a breach event starts where the value goes above the
 * threshold after being at or below it; the alert is on while P(breach) ≥ the cut-off.
 * An event is caught at lead L when the alert was on at some point from H steps before
 * it up to L steps before it; an alert that comes on with no breach in the H steps after
 * is a false alarm.
 */

export interface EventTally {
  events: number;
  /** Events caught, by lead (steps). */
  caught: Map<number, number>;
  falseAlarms: number;
}

export interface SeriesOutlook {
  values: readonly number[];
  /** P(breach within `horizon`) after each index; NaN where none was made. */
  probability: readonly number[];
  threshold: number;
  horizon: number;
}

export function tallyEvents(series: SeriesOutlook, cutoff: number, leads: readonly number[]): EventTally {
  const { values, probability, threshold, horizon } = series;
  const alert = probability.map((p) => p >= cutoff);
  const tally: EventTally = { events: 0, caught: new Map(leads.map((l) => [l, 0])), falseAlarms: 0 };
  for (let t = 1; t < values.length; t += 1) {
    const evaluated = !Number.isNaN(probability[t - 1] as number);
    if (evaluated && (values[t] as number) > threshold && (values[t - 1] as number) <= threshold) {
      tally.events += 1;
      for (const lead of leads) {
        let on = false;
        for (let s = Math.max(0, t - horizon); s <= t - lead && !on; s += 1) on = alert[s] === true;
        if (on) tally.caught.set(lead, (tally.caught.get(lead) ?? 0) + 1);
      }
    }
    if (alert[t] && !alert[t - 1] && !Number.isNaN(probability[t - 1] as number)) {
      const ahead = values.slice(t + 1, t + 1 + horizon);
      if (ahead.length === horizon && !ahead.some((v) => v > threshold)) tally.falseAlarms += 1;
    }
  }
  return tally;
}
