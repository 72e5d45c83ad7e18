/**
 * Pure geometry of the forecast chart: scales from the data to SVG coordinates, and the SVG
 * path strings of the history line, the forecast's point line and its 80%/95% bands. Kept
 * apart from React so each shape can be checked by a unit test.
 *
 * A bound the exporter could not compute arrives as null (JSON has no NaN): bands and lines
 * break there instead of being drawn through a made-up value.
 */

export interface TimeValue {
  /** Unix milliseconds. */
  t: number;
  v: number | null;
}

export interface ForecastStep {
  t: number;
  point: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Tick {
  /** Position along its axis, in SVG units. */
  at: number;
  value: number;
}

export interface ChartGeometry {
  x: (t: number) => number;
  y: (v: number) => number;
  history: string;
  point: string;
  band80: string;
  band95: string;
  /** Where the threshold line is drawn, or null when there is no threshold. */
  thresholdY: number | null;
  /** Where history ends and the forecast begins (the first forecast step). */
  nowX: number | null;
  xTicks: Tick[];
  yTicks: Tick[];
}

export const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A linear map from [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) {
    return () => (r0 + r1) / 2;
  }
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** [min, max] of the finite values, widened by 5% so nothing sits on the frame; a flat series gets room around it. */
export function valueDomain(values: Array<number | null>): [number, number] | null {
  const finite = values.filter(isNumber);
  if (finite.length === 0) {
    return null;
  }
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    const room = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - room, hi + room];
  }
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

/** About `count` round values (1, 2 or 5 times a power of ten apart) inside [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || count < 1) {
    return [];
  }
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    // Rounded to the step's precision, so 0.1 + 0.2 shows as 0.3.
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

const SECOND = 1000;
/** Time tick spacings a reader counts in, from a second to a day. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map(
  (s) => s * SECOND
);

/** About `count` times in [t0, t1] on round clock values (every 15 s, 5 min, 1 h…), in Unix milliseconds. */
export function timeTicks(t0: number, t1: number, count: number): number[] {
  if (!(t1 > t0) || count < 1) {
    return [];
  }
  const raw = (t1 - t0) / count;
  const step = TIME_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / TIME_STEPS[TIME_STEPS.length - 1]!) * 86400 * SECOND;
  const ticks: number[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    ticks.push(t);
  }
  return ticks;
}

type Xy = [number, number] | null;

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** An SVG path through the points, starting a new segment after each gap (null). */
export function linePath(points: Xy[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${fmt(p[0])},${fmt(p[1])}`;
    pen = true;
  }
  return d;
}

/**
 * Closed areas between upper and lower bounds: one polygon per run of steps where both
 * bounds exist (along the upper bound forward, back along the lower bound).
 */
export function bandPath(x: number[], lower: Array<number | null>, upper: Array<number | null>): string {
  const runs: number[][] = [];
  let run: number[] = [];
  x.forEach((_, i) => {
    if (isNumber(lower[i]) && isNumber(upper[i])) {
      run.push(i);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) {
    runs.push(run);
  }
  return runs
    .map((indices) => {
      const top = indices.map((i): Xy => [x[i]!, upper[i]!]);
      const bottom = [...indices].reverse().map((i): Xy => [x[i]!, lower[i]!]);
      return `${linePath([...top, ...bottom])}Z`;
    })
    .join('');
}

export function chartGeometry(
  history: TimeValue[],
  path: ForecastStep[],
  threshold: number | null,
  box: ChartBox
): ChartGeometry | null {
  const times = [...history.map((p) => p.t), ...path.map((s) => s.t)];
  const values = [
    ...history.map((p) => p.v),
    ...path.flatMap((s) => [s.point, s.lower80, s.upper80, s.lower95, s.upper95]),
    threshold,
  ];
  const domain = valueDomain(values);
  if (times.length === 0 || !domain) {
    return null;
  }
  const { width, height, margin } = box;
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const x = linear(t0, t1, margin.left, width - margin.right);
  const y = linear(domain[0], domain[1], height - margin.bottom, margin.top);
  const pathX = path.map((s) => x(s.t));
  const scaled = (values: Array<number | null>) => values.map((v) => (isNumber(v) ? y(v) : null));
  const toXy = (xs: number[], ys: Array<number | null>): Xy[] =>
    xs.map((px, i) => (ys[i] === null ? null : [px, ys[i]!]));
  const xTickCount = Math.max(2, Math.floor((width - margin.left - margin.right) / 120));
  return {
    x,
    y,
    history: linePath(
      toXy(
        history.map((p) => x(p.t)),
        scaled(history.map((p) => p.v))
      )
    ),
    point: linePath(toXy(pathX, scaled(path.map((s) => s.point)))),
    band80: bandPath(pathX, scaled(path.map((s) => s.lower80)), scaled(path.map((s) => s.upper80))),
    band95: bandPath(pathX, scaled(path.map((s) => s.lower95)), scaled(path.map((s) => s.upper95))),
    thresholdY: isNumber(threshold) ? y(threshold) : null,
    nowX: path.length ? pathX[0]! : null,
    xTicks: timeTicks(t0, t1, xTickCount).map((value) => ({ at: x(value), value })),
    yTicks: niceTicks(domain[0], domain[1], 4).map((value) => ({ at: y(value), value })),
  };
}
