/**
 * The series' recent climb, for breach prediction: the forecasters are fitted for accuracy
 * over whole histories, so a ramp that began a few steps ago barely moves their point — yet a
 * slow burn is exactly what a breach alert must see coming. The climb is the least-squares
 * slope of the last `window` values, counted only as far as the data support it (its lower
 * two-standard-error bound, so noise alone rarely reads as a climb), and only upwards:
 * signals are defined so that higher is worse.
 */

/** The newest values in a ring: a typed array, as every series holds one. */
export interface RecentValues {
  values: Float64Array;
  /** Values held (up to the window). */
  size: number;
  /** Index of the oldest value once the window is full. */
  next: number;
}

export function createRecentValues(window: number): RecentValues {
  return { values: new Float64Array(window), size: 0, next: 0 };
}

export function pushRecent(recent: RecentValues, value: number): RecentValues {
  const window = recent.values.length;
  if (window === 0) return recent;
  if (recent.size < window) {
    recent.values[recent.size] = value;
    recent.size += 1;
  } else {
    recent.values[recent.next] = value;
    recent.next = (recent.next + 1) % window;
  }
  return recent;
}

/** The supported upward slope per step: 0 when the data do not show a climb. */
export function supportedClimb(recent: RecentValues): number {
  const n = recent.size;
  if (n < 8) return 0;
  let sumT = 0;
  let sumY = 0;
  for (let k = 0; k < n; k += 1) {
    sumT += k;
    sumY += recent.values[(recent.next + k) % n] as number;
  }
  const meanT = sumT / n;
  const meanY = sumY / n;
  let stt = 0;
  let sty = 0;
  for (let k = 0; k < n; k += 1) {
    const dt = k - meanT;
    stt += dt * dt;
    sty += dt * ((recent.values[(recent.next + k) % n] as number) - meanY);
  }
  const slope = sty / stt;
  let sse = 0;
  for (let k = 0; k < n; k += 1) {
    const fitted = meanY + slope * (k - meanT);
    sse += ((recent.values[(recent.next + k) % n] as number) - fitted) ** 2;
  }
  const se = Math.sqrt(sse / (n - 2) / stt);
  return Math.max(0, slope - 2 * se);
}
