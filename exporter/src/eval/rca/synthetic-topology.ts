/**
 * Random layered call graphs for the generated RCA set: entry services call deeper ones,
 * every non-entry service has a caller, and each call has its own rate, fan-out and lag.
 */
import type { Random } from '../../random/mulberry32.js';

export interface Call {
  callee: string;
  /** Share of the caller's requests that make this call. */
  rate: number;
  /** Calls per request that makes it (retries, loops). */
  fanOut: number;
  /** Share of the callee's failures the caller passes on (the rest it absorbs: fallbacks). */
  passOn: number;
  /** Steps before the callee's state shows in the caller's metrics. */
  lag: number;
}

export interface Topology {
  /** Deepest layer first, so callees are computed before their callers. */
  order: string[];
  entries: string[];
  calls: Map<string, Call[]>;
}

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function newCall(random: Random, callee: string): Call {
  return {
    callee,
    rate: 0.3 + 0.7 * random(),
    fanOut: pick(random, [1, 1, 1, 2, 3]),
    passOn: 0.5 + 0.5 * random(),
    lag: random() < 0.7 ? 0 : 1,
  };
}

function layers(random: Random): string[][] {
  const count = int(random, 3, 5);
  let next = 0;
  return Array.from({ length: count }, (_, layer) =>
    Array.from({ length: layer === 0 ? int(random, 1, 2) : int(random, 2, 7) }, () => {
      next += 1;
      return `svc-${String(next).padStart(2, '0')}`;
    }),
  );
}

export function randomTopology(random: Random): Topology {
  const tiers = layers(random);
  const calls = new Map<string, Call[]>(tiers.flat().map((node) => [node, []]));
  tiers.forEach((tier, layer) => {
    if (layer === tiers.length - 1) return;
    for (const caller of tier) {
      for (let k = int(random, 1, 3); k > 0; k -= 1) {
        const target = random() < 0.7 ? layer + 1 : int(random, layer + 1, tiers.length - 1);
        const callee = pick(random, tiers[target]!);
        if (!calls.get(caller)!.some((c) => c.callee === callee))
          calls.get(caller)!.push(newCall(random, callee));
      }
    }
  });
  // Every service below the entries is called by someone in the layer above.
  tiers.slice(1).forEach((tier, i) => {
    const called = new Set([...calls.values()].flat().map((c) => c.callee));
    for (const node of tier.filter((n) => !called.has(n)))
      calls.get(pick(random, tiers[i]!))!.push(newCall(random, node));
  });
  return { order: tiers.flat().reverse(), entries: tiers[0]!, calls };
}
