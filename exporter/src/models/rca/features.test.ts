import { describe, expect, it } from 'vitest';
import { bestCorrelation, nodeFeatures, seriesFeatures, sustainedOnset } from './features.js';
import { downstreamOf } from './graph.js';
import { chainCase, series } from './test-cases.js';

describe('RCA evidence', () => {
  it('takes as onset the first step of a lasting move, not a one-step spike', () => {
    expect(sustainedOnset([0, 9, 0, 0, 4, 5, 6])).toBe(4);
    expect(sustainedOnset([0, 0, 0, 0, 0, 0, 7])).toBe(6); // the last step counts alone
    expect(sustainedOnset([0, 9, 0, 9, 0])).toBeNull();
  });

  it('finds a correlation when the cause leads the effect by a step or two', () => {
    const cause = [0, 1, 5, 6, 0, 1, 0, 1];
    const effect = [1, 0, 0, 1, 5, 6, 0, 1];
    expect(bestCorrelation(cause, effect)).toBeCloseTo(1);
    expect(bestCorrelation(effect, cause)).toBeLessThan(0.5); // an effect does not lead its cause
    expect(bestCorrelation([1, NaN], [1, 2])).toBe(0); // too few pairs
  });

  it('measures each node’s lead against the alert, and whether the symptom depends on it', () => {
    const input = chainCase();
    const early = series('db', [10, 30, 30, 30, 30, 30, 30, 30]);
    const features = nodeFeatures({
      ...input,
      series: [...input.series.filter((s) => s.node !== 'db'), early],
    });
    expect(features.get('db')).toMatchObject({ onset: 1, lead: -2, downstream: true });
    expect(features.get('frontend')).toMatchObject({ onset: 3, lead: 0, downstream: true });
    expect(features.get('search')).toMatchObject({ onset: null, lead: null });
    expect(nodeFeatures({ ...input, calls: undefined }).get('db')!.downstream).toBeNull();
  });

  it('keeps every series, and picks per node the one a ranker weighs highest', () => {
    const input = chainCase();
    const errors = series('db', [0, 0, 0, 0, 0, 0, 0, 9], { metric: 'errors', level: 0 });
    const both = { ...input, series: [...input.series, errors] };
    expect(
      seriesFeatures(both)
        .filter((f) => f.node === 'db')
        .map((f) => f.metric),
    ).toEqual(['latency', 'errors']);
    expect(nodeFeatures(both).get('db')!.metric).toBe('latency');
    expect(nodeFeatures(both, (f) => (f.metric === 'errors' ? 1 : 0)).get('db')!.metric).toBe('errors');
  });

  it('follows calls transitively, through cycles, without counting the start', () => {
    const calls = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['b']],
    ]);
    expect([...downstreamOf(calls, 'a')].sort()).toEqual(['b', 'c']);
    expect(downstreamOf(calls, 'z').size).toBe(0);
  });
});
