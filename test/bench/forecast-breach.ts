/**
 * Bench of the default forecaster and breach model (run on demand:
 * `npx tsx test/bench/forecast-breach.ts`; SERIES=1000 for a quicker look).
 * Prints the CPU of a full refit of SERIES series × 2016 points (a week at 5 minutes), and
 * of one pipeline cycle's forecast + breach update for them (one new point each; horizons
 * 15m, 1h, 6h, 24h), and a state's size in memory. Figures only, no assertions: timing goals
 * do not belong in tests. Issue 5's targets: the cycle (with detection) under 2 s, the
 * refit under 5 minutes.
 */
import { forecasters, DEFAULT_FORECASTER } from '../../exporter/src/models/registry.js';
import { breachPredictor } from '../../exporter/src/models/prediction/breach-predictor.js';
import { fitBreach, step, type BreachWalk } from '../../exporter/src/models/prediction/breach-walk.js';
import { mulberry32 } from '../../exporter/src/random/mulberry32.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const SERIES = Number(process.env.SERIES ?? 10_000);
const POINTS = 2016;
const STEP_MS = 300_000;
/** 15m, 1h, 6h and 24h in 5-minute steps. */
const HORIZONS = [3, 12, 72, 288];
const THRESHOLD = 0.045;
const random = mulberry32(42);

/** An error ratio with a daily cycle of 288 points, noise, and an occasional burst. */
function valueAt(series: number, i: number): number {
  const burst = (i + series * 37) % 997 < 6 ? 0.02 : 0;
  return 0.02 + 0.01 * Math.sin((2 * Math.PI * (i + series)) / 288) + 0.004 * random() + burst;
}

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// A collection before each reading, so the size per series is what the states hold.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heldBytes(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const forecaster = forecasters[DEFAULT_FORECASTER]();
const predictor = breachPredictor();
const walks: BreachWalk[] = [];
const heldBefore = heldBytes();
const refitMs = cpuMs(() => {
  for (let s = 0; s < SERIES; s += 1) {
    const history = Array.from({ length: POINTS }, (_, i) => valueAt(s, i));
    walks.push(
      fitBreach(forecaster, predictor, history, {
        threshold: THRESHOLD,
        horizons: HORIZONS,
        stepMs: STEP_MS,
      }),
    );
  }
});
console.log(
  `full refit: ${SERIES} series × ${POINTS} points in ${(refitMs / 1000).toFixed(1)} s CPU ` +
    `(${(refitMs / SERIES).toFixed(1)} ms per series; season ${walks[0]?.forecast.period ?? 'none'})`,
);

// Forecast states are not saved (a restart refits): what they cost is memory.
const held = (heldBytes() - heldBefore) / SERIES;
console.log(`state in memory: ${(held / 1024).toFixed(1)} KiB per series (JS heap + typed arrays)`);

let t = POINTS;
function cycle(): number {
  return cpuMs(() => {
    for (let s = 0; s < walks.length; s += 1) {
      const walk = step(forecaster, predictor, walks[s] as BreachWalk, valueAt(s, t));
      forecaster.forecastAt(walk.forecast, [1, ...HORIZONS]); // what the pipeline publishes
      walks[s] = walk;
    }
    t += 1;
  });
}
cycle(); // warm the JIT
const cycles = [cycle(), cycle(), cycle()];
const median = cycles.sort((a, b) => a - b)[1] as number;
console.log(
  `cycle: forecast + breach update for ${SERIES} series in ${median.toFixed(0)} ms CPU ` +
    `(median of 3; ${((1000 * median) / SERIES).toFixed(0)} µs per series)`,
);
