/** Series with known answers for the forecaster tests: period, trend and noise chosen by the test. */
import { seededGaussian } from '../anomaly/synthetic-series.js';

export interface ReferenceSeries {
  period: number;
  slope: number;
  amplitude: number;
  noise: number;
  seed: number;
}

/** level + slope·t + amplitude·sin(2πt/period) + N(0, noise²), for t = from..from+length-1. */
export function referenceValues(spec: ReferenceSeries, length: number, from = 0): number[] {
  const gaussian = seededGaussian(spec.seed);
  for (let i = 0; i < from; i += 1) gaussian();
  return Array.from({ length }, (_, i) => {
    const t = from + i;
    return (
      100 +
      spec.slope * t +
      spec.amplitude * Math.sin((2 * Math.PI * t) / spec.period) +
      spec.noise * gaussian()
    );
  });
}

/** The noise-free value at step t. */
export function referenceTruth(spec: ReferenceSeries, t: number): number {
  return 100 + spec.slope * t + spec.amplitude * Math.sin((2 * Math.PI * t) / spec.period);
}
