import { describe, expect, it } from 'vitest';
import { callPath, mergeCallGraph } from './call-graph.js';

describe('the merged call graph', () => {
  const graph = mergeCallGraph({ frontend: ['checkout'], checkout: ['db'] }, [
    { client: 'frontend', server: 'checkout' },
    { client: 'checkout', server: 'payments' },
    { client: 'payments', server: 'bank' },
  ]);

  it('is the union of the configured and learned edges, each with where it came from', () => {
    expect(graph.edges).toEqual([
      { client: 'frontend', server: 'checkout', source: 'both' },
      { client: 'checkout', server: 'db', source: 'config' },
      { client: 'checkout', server: 'payments', source: 'tempo' },
      { client: 'payments', server: 'bank', source: 'tempo' },
    ]);
    expect(Object.fromEntries(graph.calls)).toEqual({
      frontend: ['checkout'],
      checkout: ['db', 'payments'],
      payments: ['bank'],
    });
  });

  it('finds the chain of calls from a symptom down to a cause, with each edge’s source', () => {
    expect(callPath(graph, 'frontend', 'bank')).toEqual([
      { client: 'frontend', server: 'checkout', source: 'both' },
      { client: 'checkout', server: 'payments', source: 'tempo' },
      { client: 'payments', server: 'bank', source: 'tempo' },
    ]);
    expect(callPath(graph, 'checkout', 'checkout')).toEqual([]);
    // Calls go one way: a callee does not depend on its caller.
    expect(callPath(graph, 'bank', 'frontend')).toBeNull();
  });

  it('takes the shortest chain and survives cycles', () => {
    const cyclic = mergeCallGraph({ a: ['b', 'd'], b: ['c'], c: ['a', 'd'] }, []);
    expect(callPath(cyclic, 'a', 'd')).toEqual([{ client: 'a', server: 'd', source: 'config' }]);
    expect(callPath(cyclic, 'b', 'a')!.map((e) => e.server)).toEqual(['c', 'a']);
    expect(callPath(cyclic, 'd', 'a')).toBeNull();
  });
});
