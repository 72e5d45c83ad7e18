import { describe, expect, it } from 'vitest';
import { mulberry32, type Random } from '../../random/mulberry32.js';
import { contrastLabels, surprise, type LabelBreakdown } from './label-contrast.js';

const pods = (incident: number[], baseline: number[]): LabelBreakdown => ({
  label: 'pod',
  values: incident.map((count, i) => ({ value: `pod-${i}`, incident: count, baseline: baseline[i]! })),
});

describe('label contrast (Adtributor surprise, gated by a two-proportion z)', () => {
  it('puts the pod that carries 90% of the errors, after 25% before, first with a clear score', () => {
    const found = contrastLabels([pods([900, 100 / 3, 100 / 3, 100 / 3], [25, 25, 25, 25])]);
    expect(found.map((f) => f.value)).toEqual(['pod-0']);
    const [top] = found;
    expect(top!.incidentShare).toBeCloseTo(0.9, 9);
    // 25 + 10 pseudo events spread evenly over 4 pods, of 100 + 10: still 25%.
    expect(top!.baselineShare).toBeCloseTo(0.25, 9);
    // ½(0.9·log2(0.9/0.575) + 0.25·log2(0.25/0.575)), worked by hand.
    expect(top!.score).toBeCloseTo(0.1407, 4);
    expect(top!.z).toBeGreaterThan(10);
  });

  it('finds nothing over-represented when every value rises alike', () => {
    expect(contrastLabels([pods([250, 250, 250, 250], [25, 25, 25, 25])])).toEqual([]);
  });

  it('judges a baseline without errors by its traffic: a canary with 10% of the traffic and 90% of the errors', () => {
    const versions = (v1: number, v2: number): LabelBreakdown => ({
      label: 'version',
      values: [
        { value: 'v1', incident: v1, baseline: 0, prior: 900 },
        { value: 'v2', incident: v2, baseline: 0, prior: 100 },
      ],
    });
    const [canary, ...rest] = contrastLabels([versions(10, 90)]);
    expect(rest).toEqual([]);
    expect(canary).toMatchObject({ label: 'version', value: 'v2' });
    expect(canary!.baselineShare).toBeCloseTo(0.1, 9);
    expect(canary!.score).toBeCloseTo(surprise(0.9, 0.1), 12);
    // Errors spread like the traffic: nothing stands out.
    expect(contrastLabels([versions(90, 10)])).toEqual([]);
  });

  it('expects errors where the traffic went: a canary ramped up or pods an autoscaler added are not findings', () => {
    /** Errors during and before, traffic before and during. */
    const traffic = (
      value: string,
      incident: number,
      baseline: number,
      prior: number,
      incidentTraffic: number,
    ) => ({
      value,
      incident,
      baseline,
      prior,
      incidentTraffic,
    });
    // v2 goes from 10% to 50% of the traffic at the same 1% error ratio as v1.
    const ramp: LabelBreakdown = {
      label: 'version',
      values: [traffic('v1', 50, 90, 9000, 5000), traffic('v2', 50, 10, 1000, 5000)],
    };
    expect(contrastLabels([ramp])).toEqual([]);
    // Without the incident's traffic, v2's rise of share (10% → 50%) is all there is to see.
    const blind = { ...ramp, values: ramp.values.map(({ incidentTraffic: _, ...v }) => v) };
    expect(contrastLabels([blind]).map((f) => f.value)).toEqual(['v2']);

    // pod-c is new; at the error ratio the others had, it is expected to fail like them…
    const scaled = (cErrors: number): LabelBreakdown => ({
      label: 'pod',
      values: [
        traffic('pod-a', 100, 10, 1000, 1000),
        traffic('pod-b', 100, 10, 1000, 1000),
        traffic('pod-c', cErrors, 0, 0, 1000),
      ],
    });
    expect(contrastLabels([scaled(100)])).toEqual([]);
    // …and found when it fails far more than they do.
    const [found] = contrastLabels([scaled(900)]);
    expect(found).toMatchObject({ value: 'pod-c', baselineShare: 1 / 3 });
    expect(found!.incidentShare).toBeCloseTo(900 / 1100, 12);
  });

  it('does not call three errors on one pod a pattern, but thirty', () => {
    expect(contrastLabels([pods([3, 0, 0, 0], [0, 0, 0, 0])])).toEqual([]);
    expect(contrastLabels([pods([30, 0, 0, 0], [0, 0, 0, 0])]).map((f) => f.value)).toEqual(['pod-0']);
  });

  it('ranks across labels by surprise and skips values it cannot count', () => {
    const codes: LabelBreakdown = {
      label: 'code',
      values: [
        { value: '500', incident: 100, baseline: 50 },
        { value: '503', incident: 900, baseline: 50 },
        { value: '502', incident: Number.NaN, baseline: 10 },
      ],
    };
    const found = contrastLabels([pods([600, 400, 0, 0], [25, 25, 25, 25]), codes]);
    // pod-0 60% after 25%, code 503 90% after 50% (55 of 110), pod-1 40% after 25%.
    expect(found.map((f) => `${f.label}=${f.value}`)).toEqual(['pod=pod-0', 'code=503', 'pod=pod-1']);
    expect(found.map((f) => f.score)).toEqual([surprise(0.6, 0.25), surprise(0.9, 0.5), surprise(0.4, 0.25)]);
  });

  it('needs two values and some incident events to contrast anything', () => {
    expect(contrastLabels([pods([100], [10])])).toEqual([]);
    expect(contrastLabels([pods([0, 0], [10, 10])])).toEqual([]);
  });

  it('bounds the surprise at half a bit, reached when a value goes from none to all', () => {
    expect(surprise(1, 0)).toBeCloseTo(0.5, 12);
    expect(surprise(0.3, 0.3)).toBe(0);
  });

  it('refuses parameters that make no prior or no test', () => {
    expect(() => contrastLabels([], { priorWeight: 0, minZ: 3 })).toThrow(/priorWeight/);
    expect(() => contrastLabels([], { priorWeight: 1, minZ: Number.NaN })).toThrow(/minZ/);
  });

  it('raises few false alarms when nothing changed and finds a real shift nearly always (seeded simulation)', () => {
    const random = mulberry32(7);
    const even = [0.25, 0.25, 0.25, 0.25];
    /** How often, of 500 cases, pod-0 (or any pod) is called over-represented. */
    const rate = (during: number[], incidentEvents: number, baselineEvents: number) => {
      let pod0 = 0;
      let any = 0;
      for (let i = 0; i < 500; i += 1) {
        const found = contrastLabels([
          pods(draw(random, during, incidentEvents), draw(random, even, baselineEvents)),
        ]);
        if (found.length > 0) any += 1;
        if (found.some((f) => f.value === 'pod-0')) pod0 += 1;
      }
      return { pod0: pod0 / 500, any: any / 500 };
    };
    // Four one-sided tests at z ≥ 3 (0.13% each): about 0.5% of unchanged cases alarm.
    expect(rate(even, 200, 400).any).toBeLessThanOrEqual(0.015);
    expect(rate(even, 30, 60).any).toBeLessThanOrEqual(0.015);
    expect(rate([0.5, 1 / 6, 1 / 6, 1 / 6], 200, 400).pod0).toBeGreaterThanOrEqual(0.98);
    expect(rate([0.9, 1 / 30, 1 / 30, 1 / 30], 20, 40).pod0).toBeGreaterThanOrEqual(0.95);
  });
});

/** Counts of `n` events each falling on a value with the given shares. */
function draw(random: Random, shares: readonly number[], n: number): number[] {
  const counts = shares.map(() => 0);
  for (let i = 0; i < n; i += 1) {
    let u = random();
    let k = 0;
    while (k < shares.length - 1 && u >= shares[k]!) u -= shares[k++]!;
    counts[k]! += 1;
  }
  return counts;
}
