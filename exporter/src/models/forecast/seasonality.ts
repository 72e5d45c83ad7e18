/**
 * Automatic seasonality: the period is the lag of the strongest autocorrelation peak, if it
 * is strong enough to matter; otherwise the series has none. Autocorrelation, unlike a
 * periodogram, gives the lag in whole steps directly (augurs' periodogram found 256 for a
 * true 288 here), and through the FFT it costs O(n log n) for all lags at once.
 */
import FFT from 'fft.js';
import { linearSlope } from './decomposition.js';

export interface SeasonalityParams {
  /** Shortest period considered, in steps. */
  minPeriod: number;
  /** At least this many full periods must fit in the data. */
  minCycles: number;
  /** Autocorrelation the peak must reach to count as a season. */
  minAutocorrelation: number;
  /**
   * Calendar periods in steps (an hour, a day, a week at the series' sampling interval): a
   * peak within 3% of one is taken to be it. A smooth season's peak is broad, and noise
   * moves its top by a few lags; a season that drifts a few steps a day is worse than none.
   */
  calendar: readonly number[];
}

export const SEASONALITY_DEFAULTS: Readonly<SeasonalityParams> = Object.freeze({
  minPeriod: 4,
  minCycles: 3,
  minAutocorrelation: 0.3,
  calendar: [],
});

const HOUR_MS = 3_600_000;

/** An hour, a day and a week in steps of `stepMs`, where they are whole numbers of steps. */
export function calendarPeriods(stepMs: number): number[] {
  return [HOUR_MS, 24 * HOUR_MS, 7 * 24 * HOUR_MS]
    .map((span) => span / stepMs)
    .filter((steps) => Number.isInteger(steps) && steps >= 2);
}

function snapToCalendar(lag: number, calendar: readonly number[]): number {
  const near = calendar.find((p) => Math.abs(lag - p) <= Math.max(1, 0.03 * p));
  return near ?? lag;
}

/** Sample autocorrelation r(0..maxLag) of `values` (r(0) = 1; all zeros for a constant). */
export function autocorrelation(values: readonly number[], maxLag: number): number[] {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let size = 4;
  while (size < 2 * n) size *= 2;
  const fft = new FFT(size);
  const input = new Array<number>(size).fill(0);
  for (let i = 0; i < n; i += 1) input[i] = (values[i] as number) - mean;
  const spectrum = fft.createComplexArray() as number[];
  fft.realTransform(spectrum, input);
  fft.completeSpectrum(spectrum);
  // |X|² is the transform of the (zero-padded, so linear) autocovariance.
  for (let k = 0; k < size; k += 1) {
    const re = spectrum[2 * k] as number;
    const im = spectrum[2 * k + 1] as number;
    spectrum[2 * k] = re * re + im * im;
    spectrum[2 * k + 1] = 0;
  }
  const covariance = fft.createComplexArray() as number[];
  fft.inverseTransform(covariance, spectrum);
  const c0 = covariance[0] as number;
  const out: number[] = [];
  for (let lag = 0; lag <= maxLag; lag += 1) out.push(c0 > 0 ? (covariance[2 * lag] as number) / c0 : 0);
  return out;
}

/** `values` less their least-squares line: a trend would hold the autocorrelation high at every lag. */
function detrended(values: readonly number[]): number[] {
  const slope = linearSlope(values);
  return values.map((v, t) => v - slope * t);
}

/** How far a peak must rise above the lowest autocorrelation before it (and beat an earlier peak by). */
const PROMINENCE = 0.1;

/** The highest point within ±5% of its lag (at least ±1), so noise on a broad peak picks one lag. */
function isLocalMax(r: readonly number[], lag: number): boolean {
  const reach = Math.max(1, Math.floor(lag / 20));
  for (let k = Math.max(1, lag - reach); k <= Math.min(r.length - 1, lag + reach); k += 1) {
    if ((r[k] as number) > (r[lag] as number)) return false;
  }
  return true;
}

/** The season of `values` in steps, or null when no autocorrelation peak is strong enough. */
export function detectPeriod(
  values: readonly number[],
  params: SeasonalityParams = SEASONALITY_DEFAULTS,
): number | null {
  const maxLag = Math.floor(values.length / params.minCycles);
  if (maxLag < params.minPeriod + 1) return null;
  const r = autocorrelation(detrended(values), maxLag + 1).map(
    // The plain estimator shrinks lag k by (n−k)/n, which tilts every peak towards shorter lags.
    (rk, k) => (rk * values.length) / (values.length - k),
  );
  let best: number | null = null;
  let trough = 1;
  for (let lag = 1; lag <= maxLag; lag += 1) {
    const here = r[lag] as number;
    trough = Math.min(trough, here);
    if (lag < params.minPeriod || here < params.minAutocorrelation) continue;
    // A season is a peak that rises clearly above the dip before it: the slow decay of a
    // smooth or trending series wiggles with noise but never climbs back.
    if (here - trough < PROMINENCE || !isLocalMax(r, lag)) continue;
    // The first such peak, unless a later one is clearly stronger: multiples of the true
    // period also peak, nearly as high, and must not win by noise.
    if (best === null || here > (r[best] as number) + PROMINENCE) best = lag;
  }
  return best === null ? null : snapToCalendar(best, params.calendar);
}
