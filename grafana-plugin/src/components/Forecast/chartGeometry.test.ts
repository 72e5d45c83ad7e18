import {
  bandPath,
  chartGeometry,
  linePath,
  niceTicks,
  timeTicks,
  valueDomain,
  type ForecastStep,
} from './chartGeometry';

const BOX = { width: 220, height: 120, margin: { top: 10, right: 10, bottom: 10, left: 10 } };

const step = (t: number, point: number, spread80: number, spread95: number): ForecastStep => ({
  t,
  point,
  lower80: point - spread80,
  upper80: point + spread80,
  lower95: point - spread95,
  upper95: point + spread95,
});

describe('valueDomain', () => {
  test('widens the finite values by 5% and ignores missing ones', () => {
    expect(valueDomain([0, null, 10, Number.NaN])).toEqual([-0.5, 10.5]);
  });

  test('gives a flat series room around it, and nothing when there is nothing', () => {
    expect(valueDomain([2, 2])).toEqual([1.8, 2.2]);
    expect(valueDomain([0])).toEqual([-1, 1]);
    expect(valueDomain([null])).toBeNull();
  });
});

describe('ticks', () => {
  test('value ticks are round numbers inside the domain', () => {
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0.013, 0.061, 4)).toEqual([0.02, 0.04, 0.06]);
    expect(niceTicks(0.013, 0.061, 8)).toEqual([0.02, 0.03, 0.04, 0.05, 0.06]);
    expect(niceTicks(1, 1, 4)).toEqual([]);
  });

  test('time ticks fall on round clock values', () => {
    const t0 = Date.UTC(2026, 0, 1, 12, 0, 7);
    const ticks = timeTicks(t0, t0 + 60_000, 4);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 19))).toEqual([
      '12:00:15',
      '12:00:30',
      '12:00:45',
      '12:01:00',
    ]);
  });
});

describe('linePath', () => {
  test('draws through the points and lifts the pen at gaps', () => {
    expect(linePath([[0, 0], [1, 2], null, [3, 4], [5, 6]])).toBe('M0,0L1,2M3,4L5,6');
    expect(linePath([])).toBe('');
  });
});

describe('bandPath', () => {
  test('one closed area along the upper bound and back along the lower one', () => {
    expect(bandPath([0, 10, 20], [5, 6, 7], [1, 2, 3])).toBe('M0,1L10,2L20,3L20,7L10,6L0,5Z');
  });

  test('a missing bound splits the band instead of inventing a value', () => {
    expect(bandPath([0, 10, 20, 30], [5, null, 7, 8], [1, 2, 3, 4])).toBe('M0,1L0,5ZM20,3L30,4L30,8L20,7Z');
    expect(bandPath([0], [null], [null])).toBe('');
  });
});

describe('chartGeometry', () => {
  const history = [
    { t: 0, v: 1 },
    { t: 1000, v: 2 },
  ];
  const path = [step(2000, 2, 1, 2), step(3000, 3, 1, 2)];

  test('time runs left to right over history and forecast, values bottom to top over bands and threshold', () => {
    const g = chartGeometry(history, path, 6, BOX)!;
    expect(g.x(0)).toBe(10);
    expect(g.x(3000)).toBe(210);
    // Values span 0 (lowest 95% bound) to 6 (threshold), widened by 5%.
    expect(g.y(-0.3)).toBe(110);
    expect(g.y(6.3)).toBe(10);
    expect(g.thresholdY).toBeCloseTo(g.y(6));
    expect(g.nowX).toBeCloseTo(g.x(2000));
  });

  test('the 95% band contains the 80% band, which contains the point line', () => {
    const g = chartGeometry(history, path, null, BOX)!;
    const ys = (d: string) => [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    const [b95, b80, point] = [ys(g.band95), ys(g.band80), ys(g.point)];
    expect(Math.min(...b95)).toBeLessThan(Math.min(...b80));
    expect(Math.max(...b95)).toBeGreaterThan(Math.max(...b80));
    expect(Math.min(...b80)).toBeLessThan(Math.min(...point));
    expect(Math.max(...b80)).toBeGreaterThan(Math.max(...point));
    expect(g.thresholdY).toBeNull();
    expect(g.history.startsWith('M10,')).toBe(true);
  });

  test('nothing to draw without any value', () => {
    expect(chartGeometry([], [], null, BOX)).toBeNull();
    expect(chartGeometry([{ t: 0, v: null }], [], null, BOX)).toBeNull();
  });
});
