/**
 * Omen beside the stack the original designs of this kind of system used, on identical data
 * (run on demand: `npx tsx test/bench/python-baseline.ts`; SERIES=30 for a quicker look).
 * Needs Debian's python3-statsmodels and python3-sklearn (`apt-get install python3-statsmodels
 * python3-sklearn`). Both sides read the same file of SERIES series × 2016 five-minute points
 * (a week, daily season of 288) and
 *   - fit a forecaster and forecast 24 h: statsmodels Holt-Winters (damped trend, additive
 *     season) against Omen's default forecaster (its conformal intervals included, period
 *     detected from the data — more work than Holt-Winters, which is told the period);
 *   - train an isolation forest per service (3 member series) and score every vector:
 *     scikit-learn's IsolationForest against Omen's service forest (ml-isolation-forest).
 * Prints wall-clock figures and Omen's speed-up; issue 5's target is ≥ 5× end to end.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FORECASTER, forecasters } from '../../exporter/src/models/registry.js';
import {
  resolveServiceForestParams,
  scoreServiceVector,
  trainServiceForest,
} from '../../exporter/src/models/anomaly/service-forest.js';
import { mulberry32 } from '../../exporter/src/random/mulberry32.js';
import { tempDir } from './support.js';

const SERIES = Number(process.env.SERIES ?? 60);
const POINTS = 2016;
const PERIOD = 288;
const HORIZON = 288;
const MEMBERS = 3;
const STEP_MS = 300_000;
const PYTHON = '/usr/bin/python3';
const random = mulberry32(42);

/** Error ratio, latency and traffic of one service: daily cycles, noise, an occasional burst. */
function member(series: number, i: number): number {
  const daily = Math.sin((2 * Math.PI * (i + series)) / PERIOD);
  const burst = (i + series * 37) % 997 < 6 ? 1 : 0;
  switch (series % MEMBERS) {
    case 0:
      return 0.02 + 0.01 * daily + 0.004 * random() + 0.02 * burst;
    case 1:
      return 120 + 30 * daily + 10 * random() + 80 * burst;
    default:
      return 400 + 150 * daily + 40 * random();
  }
}

const data = Array.from({ length: SERIES }, (_, s) => Array.from({ length: POINTS }, (_, i) => member(s, i)));
const { dir, cleanup } = tempDir('omen-bench-python-');
const file = join(dir, 'series.csv');
writeFileSync(file, data.map((values) => values.join(',')).join('\n'));

function omenSide(): { read: number; forecast: number; forest: number } {
  const t0 = performance.now();
  const series = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split(',').map(Number));
  const t1 = performance.now();
  const forecaster = forecasters[DEFAULT_FORECASTER]();
  for (const values of series) {
    const state = forecaster.fit(values, { horizons: [3, 12, 72, HORIZON], stepMs: STEP_MS });
    forecaster.forecastAt(state, [3, 12, 72, HORIZON]);
  }
  const t2 = performance.now();
  const params = resolveServiceForestParams();
  for (let first = 0; first + MEMBERS <= series.length; first += MEMBERS) {
    const rows = Array.from({ length: POINTS }, (_, i) =>
      series.slice(first, first + MEMBERS).map((values) => values[i] as number),
    );
    const model = trainServiceForest(rows, params, random);
    for (const row of rows) scoreServiceVector(model, row);
  }
  const t3 = performance.now();
  return { read: (t1 - t0) / 1000, forecast: (t2 - t1) / 1000, forest: (t3 - t2) / 1000 };
}

interface PythonTimes {
  readSeconds: number;
  forecastSeconds: number;
  forestSeconds: number;
}

function pythonSide(): { times: PythonTimes; wall: number } | string {
  const script = new URL('./python/baseline.py', import.meta.url).pathname;
  const started = performance.now();
  const run = spawnSync(PYTHON, [script, file, String(PERIOD), String(HORIZON), String(MEMBERS)], {
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) return run.stderr.trim().split('\n').at(-1) ?? `exit ${run.status}`;
  return { times: JSON.parse(run.stdout) as PythonTimes, wall };
}

const fmt = (seconds: number) => `${seconds.toFixed(2)} s`;
console.log(
  `${SERIES} series × ${POINTS} points (season ${PERIOD}), ${SERIES / MEMBERS} services of ${MEMBERS}`,
);
const omenStart = performance.now();
const omen = omenSide();
const omenWall = (performance.now() - omenStart) / 1000;
const python = pythonSide();
cleanup();
if (typeof python === 'string') {
  console.log(`python side failed (install python3-statsmodels python3-sklearn?): ${python}`);
  process.exit(1);
}
const rows: [string, number, number][] = [
  ['read the file', omen.read, python.times.readSeconds],
  [`forecast (${DEFAULT_FORECASTER} vs Holt-Winters)`, omen.forecast, python.times.forecastSeconds],
  ['isolation forest train + score', omen.forest, python.times.forestSeconds],
];
for (const [what, ours, theirs] of rows) {
  console.log(
    `${what.padEnd(48)} omen ${fmt(ours).padStart(9)}  python ${fmt(theirs).padStart(9)}  ${(theirs / ours).toFixed(1)}×`,
  );
}
console.log(
  `${'end to end (wall clock, python start-up incl.)'.padEnd(48)} omen ${fmt(omenWall).padStart(9)}  python ${fmt(python.wall).padStart(9)}  ${(python.wall / omenWall).toFixed(1)}× (target ≥ 5×)`,
);
