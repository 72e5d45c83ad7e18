import { describe, expect, it } from 'vitest';
import { tempoEdges, type TempoGraphParams } from './tempo-graph.js';

const params = (over: Partial<TempoGraphParams> = {}): TempoGraphParams => ({
  minRate: 0.1,
  services: new Map(),
  ignore: ['user', 'unknown'],
  ...over,
});

describe('the call graph learned from Tempo service-graph rates', () => {
  it('turns each client → server pair above the minimum rate into an edge', () => {
    const edges = tempoEdges(
      [
        { client: 'frontend', server: 'checkout', rate: 12 },
        { client: 'checkout', server: 'payments', rate: 3.5 },
        { client: 'checkout', server: 'postgres', rate: 0.5 },
        { client: 'frontend', server: 'ads', rate: 0.05 },
      ],
      params(),
    );
    expect(edges).toEqual([
      { client: 'checkout', server: 'payments', rate: 3.5 },
      { client: 'checkout', server: 'postgres', rate: 0.5 },
      { client: 'frontend', server: 'checkout', rate: 12 },
    ]);
  });

  it('leaves out Tempo’s virtual nodes, self-loops and rates that are not positive numbers', () => {
    const edges = tempoEdges(
      [
        { client: 'user', server: 'frontend', rate: 40 },
        { client: 'frontend', server: 'unknown', rate: 2 },
        { client: 'checkout', server: 'checkout', rate: 9 },
        { client: 'frontend', server: 'search', rate: Number.NaN },
        { client: 'frontend', server: 'cart', rate: 0 },
        { client: 'frontend', server: 'cart', rate: -1 },
      ],
      params(),
    );
    expect(edges).toEqual([]);
  });

  it('maps Tempo names onto Omen services, summing pairs that meet before the minimum rate applies', () => {
    const edges = tempoEdges(
      [
        { client: 'web-frontend', server: 'checkout-v1', rate: 0.06 },
        { client: 'web-frontend', server: 'checkout-v2', rate: 0.06 },
        // Two names of one service calling each other is a self-loop once mapped.
        { client: 'checkout-v1', server: 'checkout-v2', rate: 5 },
      ],
      params({
        services: new Map([
          ['web-frontend', 'frontend'],
          ['checkout-v1', 'checkout'],
          ['checkout-v2', 'checkout'],
        ]),
      }),
    );
    expect(edges).toEqual([{ client: 'frontend', server: 'checkout', rate: 0.12 }]);
  });

  it('keeps a node named like an ignored one only when the ignore list is emptied', () => {
    const rows = [{ client: 'user', server: 'frontend', rate: 1 }];
    expect(tempoEdges(rows, params())).toEqual([]);
    expect(tempoEdges(rows, params({ ignore: [] }))).toEqual([
      { client: 'user', server: 'frontend', rate: 1 },
    ]);
  });
});
