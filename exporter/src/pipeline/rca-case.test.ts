import { describe, expect, it } from 'vitest';
import type { StepWindow } from '../store/store.js';
import { buildCase, caseFrame, hasBaseline, LEAD_STEPS, MAX_WINDOW_STEPS, toCauses } from './rca-case.js';

const STEP = 60_000;
const T = 1_000 * STEP;

const steps = (service: string, from: number, values: number[]): StepWindow => ({
  signal: 'latency',
  service,
  stepMs: STEP,
  startsMs: values.map((_, i) => from + i * STEP),
  means: values,
  counts: values.map(() => 4),
  lastSampleMs: from + values.length * STEP,
});

describe('the RCA case of an incident', () => {
  it('frames a baseline before a window that starts a few steps before the incident', () => {
    const frame = caseFrame(T + 30_000, T + 10 * STEP, STEP, 60 * STEP);
    expect(frame).toEqual({
      stepMs: STEP,
      baselineFromMs: T - (LEAD_STEPS + 60) * STEP,
      windowFromMs: T - LEAD_STEPS * STEP,
      steps: LEAD_STEPS + 11,
      onset: LEAD_STEPS,
    });
    expect(caseFrame(T, T + 10_000 * STEP, STEP, 60 * STEP).steps).toBe(MAX_WINDOW_STEPS);
  });

  it('aligns each series on the frame’s steps, NaN where a step has no sample', () => {
    const frame = caseFrame(T, T + 2 * STEP, STEP, 3 * STEP);
    const from = frame.baselineFromMs;
    const input = buildCase(
      frame,
      { signal: 'latency', service: 'api' },
      [steps('api', from, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), steps('db', from + 2 * STEP, [5])],
      undefined,
    );
    expect(input.symptom).toEqual({ node: 'api', metric: 'latency' });
    expect(input.onset).toBe(LEAD_STEPS);
    const [api, db] = input.series;
    expect(api).toMatchObject({ node: 'api', metric: 'latency', direction: 'up', baseline: [1, 2, 3] });
    expect(api!.window).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(db!.baseline).toEqual([NaN, NaN, 5]);
    expect(db!.window.every(Number.isNaN)).toBe(true);
    expect(hasBaseline(input, { signal: 'latency', service: 'db' })).toBe(false);
    expect(hasBaseline(input, { signal: 'latency', service: 'nobody' })).toBe(false);
  });

  it('turns a ranking into causes with shares of the total and evidence in time', () => {
    const frame = caseFrame(T, T + 2 * STEP, STEP, 3 * STEP);
    const evidence = (onset: number | null, lead: number | null) => ({
      metric: 'latency',
      change: 8,
      onset,
      lead,
      correlation: 0.9,
      downstream: true,
      explainedBy: null,
    });
    const causes = toCauses(
      [
        { node: 'db', score: 3, evidence: evidence(LEAD_STEPS - 2, -2) },
        { node: 'api', score: 1, evidence: evidence(null, null) },
        { node: 'search', score: -1, evidence: evidence(null, null) },
      ],
      frame,
      2,
    );
    expect(causes).toEqual([
      {
        rank: 1,
        signal: 'latency',
        service: 'db',
        score: 0.75,
        evidence: {
          change: 8,
          onsetAt: new Date(T - 2 * STEP).toISOString(),
          leadSeconds: 120,
          correlation: 0.9,
          downstream: true,
          explainedBy: null,
        },
      },
      expect.objectContaining({ rank: 2, service: 'api', score: 0.25 }),
    ]);
  });
});
