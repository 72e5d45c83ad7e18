/**
 * Bench of the default anomaly detector (run on demand: `npx tsx test/bench/anomaly-detector.ts`).
 * Prints µs per new point per series, the CPU of one cycle's detector work for 10 000
 * series (one new point each), the time to restore a saved state, and memory per series.
 * Figures and ratios only, no assertions: timing goals do not belong in tests.
 * Issue 4's target: that cycle under 1 s of CPU.
 */
import { anomalyDetectors, DEFAULT_DETECTOR } from '../../exporter/src/models/registry.js';
import type { DetectionContext } from '../../exporter/src/models/types.js';
import { mulberry32 } from '../../exporter/src/random/mulberry32.js';

const SERIES = Number(process.env.SERIES ?? 10_000);
const STEP_MS = 15_000;
const CONTEXT: DetectionContext = { seasonMs: null, detectSeason: true };
const detector = anomalyDetectors[DEFAULT_DETECTOR]();
const random = mulberry32(42);

/** A daily-ish cycle of 96 points with noise: what an error ratio looks like. */
const valueAt = (i: number): number => 0.02 + 0.01 * Math.sin((2 * Math.PI * i) / 96) + 0.002 * random();

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// One warm series: a full history, its season found.
const warm = detector.init();
const WARM_POINTS = detector.historyPoints + 500;
const warmMs = cpuMs(() => {
  for (let i = 0; i < WARM_POINTS; i += 1)
    detector.update(warm, { timestampMs: i * STEP_MS, value: valueAt(i) }, CONTEXT);
});
console.log(
  `warm-up: ${WARM_POINTS} points in ${warmMs.toFixed(0)} ms (${((1000 * warmMs) / WARM_POINTS).toFixed(1)} µs/point, cold-start replay cost)`,
);

const encoded = JSON.stringify(detector.encode(warm));
console.log(`saved state: ${(encoded.length / 1024).toFixed(1)} KiB of JSON per series`);

const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const states: unknown[] = [];
const restoreMs = cpuMs(() => {
  for (let s = 0; s < SERIES; s += 1) states.push(detector.decode(JSON.parse(encoded)));
});
console.log(
  `restore: ${SERIES} states in ${restoreMs.toFixed(0)} ms (${((1000 * restoreMs) / SERIES).toFixed(0)} µs each, windows rebuilt on the next point)`,
);

let t = WARM_POINTS;
const cycle = (): number =>
  cpuMs(() => {
    for (const state of states)
      detector.update(state, { timestampMs: t * STEP_MS, value: valueAt(t) }, CONTEXT);
    t += 1;
  });
const first = cycle(); // rebuilds every restored state's windows
const cycles = [cycle(), cycle(), cycle(), cycle(), cycle()];
const median = [...cycles].sort((a, b) => a - b)[2] as number;
const memory = process.memoryUsage();
const perSeries = (memory.heapUsed + memory.arrayBuffers - heapBefore) / SERIES;
console.log(`first cycle after restore: ${first.toFixed(0)} ms CPU for ${SERIES} series (window rebuild)`);
console.log(
  `cycle: ${median.toFixed(0)} ms CPU for ${SERIES} series, one new point each (median of 5; target < 1000 ms: ${(median / 1000).toFixed(2)}× of budget)`,
);
console.log(`per point per series: ${((1000 * median) / SERIES).toFixed(1)} µs`);
console.log(
  `memory: ${(perSeries / 1024).toFixed(1)} KiB per series; RSS ${(memory.rss / 2 ** 20).toFixed(0)} MiB with ${SERIES} series`,
);
