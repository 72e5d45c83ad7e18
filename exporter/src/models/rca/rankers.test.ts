import { describe, expect, it } from 'vitest';
import { rca } from '../registry.js';
import { baroRanker } from './baro-ranker.js';
import { combinedRanker } from './combined-ranker.js';
import { correlationRanker } from './correlation-ranker.js';
import { graphRanker } from './graph-ranker.js';
import { onsetRanker } from './onset-ranker.js';
import { chainCase, series } from './test-cases.js';
import type { RcaCase, RcaRanker } from './types.js';

const order = (ranker: RcaRanker, input: RcaCase) => ranker.rank(input).map((cause) => cause.node);

describe('root-cause rankers on a hand-made call chain', () => {
  it('BARO ranks by change alone, so the amplifying caller outranks the failing callee', () => {
    expect(order(baroRanker, chainCase()).slice(0, 3)).toEqual(['api', 'frontend', 'db']);
  });

  it('the graph ranker names the deepest changed node, and says what explains the others', () => {
    const ranking = graphRanker.rank(chainCase());
    expect(ranking[0]!.node).toBe('db');
    expect(ranking.find((c) => c.node === 'api')!.evidence.explainedBy).toBe('db');
    expect(ranking.at(-1)!.node).toBe('search');
  });

  it('the combined ranker names the failing callee, with its evidence', () => {
    const [first] = combinedRanker.rank(chainCase());
    expect(first!.node).toBe('db');
    expect(first!.evidence).toMatchObject({
      metric: 'latency',
      onset: 3,
      lead: 0,
      downstream: true,
      explainedBy: null,
    });
    expect(first!.evidence.change).toBeGreaterThan(5);
    expect(first!.evidence.correlation).toBeGreaterThan(0.8);
  });

  it('the onset ranker puts the node that moved first ahead of larger, later moves', () => {
    const input = chainCase();
    const early = series('db', [10, 10, 18, 20, 23, 26, 26, 26]);
    const ranked = order(onsetRanker, {
      ...input,
      series: [...input.series.filter((s) => s.node !== 'db'), early],
    });
    expect(ranked[0]).toBe('db');
    expect(ranked.at(-1)).toBe('search');
  });

  it('the correlation ranker prefers a change that tracks the symptom over a bigger one that does not', () => {
    const input = chainCase();
    // search: a large one-step blip unrelated to the symptom's rise.
    const blip = series('search', [10, 10, 90, 10, 10, 10, 10, 10]);
    const ranked = order(correlationRanker, {
      ...input,
      series: [...input.series.filter((s) => s.node !== 'search'), blip],
    });
    expect(ranked.indexOf('db')).toBeLessThan(ranked.indexOf('search'));
  });
});

describe('the combined ranker against the known failure modes of each signal alone', () => {
  it('discounts trouble that was there before the incident and does not track the symptom', () => {
    const input = chainCase();
    const alreadyBad = series('search', [90, 95, 90, 92, 91, 90, 95, 93]);
    const withSearch = { ...input, series: [...input.series.filter((s) => s.node !== 'search'), alreadyBad] };
    expect(order(baroRanker, withSearch)[0]).toBe('search');
    expect(order(combinedRanker, withSearch)[0]).toBe('db');
  });

  it('discounts a changed node the symptom does not depend on', () => {
    const input = chainCase();
    const stranger = series('batch', [10, 10, 10, 80, 90, 99, 99, 99]);
    const withStranger = { ...input, series: [...input.series, stranger] };
    expect(order(combinedRanker, withStranger)[0]).toBe('db');
    expect(combinedRanker.rank(withStranger).find((c) => c.node === 'batch')!.evidence.downstream).toBe(
      false,
    );
    // Without a graph nothing says the stranger is off the path.
    expect(order(combinedRanker, { ...withStranger, calls: undefined })[0]).toBe('batch');
  });

  it('names the symptom’s own node when nothing it calls changed', () => {
    const input = chainCase();
    const calm = (node: string) => series(node, [10, 11, 10, 9, 10, 11, 10, 10]);
    const selfCaused = { ...input, series: [input.series[0]!, calm('api'), calm('db'), calm('search')] };
    expect(order(combinedRanker, selfCaused)[0]).toBe('frontend');
  });

  it('ranks every node with a usable series, ties by name, and leaves out nodes without a baseline', () => {
    const input = chainCase();
    const noBaseline = { ...series('cache', [1, 2, 3, 4, 5, 6, 7, 8]), baseline: [] };
    const ranked = order(combinedRanker, { ...input, series: [...input.series, noBaseline] });
    expect(ranked.sort()).toEqual(['api', 'db', 'frontend', 'search']);
  });

  it('refuses a case whose symptom has no usable series', () => {
    expect(() => combinedRanker.rank(chainCase({ symptom: { node: 'frontend', metric: 'errors' } }))).toThrow(
      /the symptom frontend errors has no usable series/,
    );
  });
});

describe('rca registry', () => {
  it('lists every ranker under its own name', () => {
    for (const [name, ranker] of Object.entries(rca)) expect(ranker.name).toBe(name);
    expect(Object.keys(rca)).toEqual(
      expect.arrayContaining(['combined', 'baro', 'onset', 'correlation', 'graph']),
    );
  });
});
