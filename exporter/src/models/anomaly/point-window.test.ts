import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import type { Component } from './components.js';
import { PointWindow } from './point-window.js';
import { Ring } from './ring.js';
import type { TailEnsembleState } from './tail-ensemble-state.js';

/** The two things a window reads: the points pushed and the values ring. */
function series(capacity: number): TailEnsembleState {
  return { points: 0, values: new Ring(capacity) } as TailEnsembleState;
}

function push(state: TailEnsembleState, value: number): void {
  state.values.push(value);
  state.points += 1;
}

const value: Component = {
  name: 'value',
  at: (s, age) => s.values.at(age),
  kind: () => 'spike',
  what: () => 'value',
};

const change: Component = {
  name: 'change',
  at: (s, age) => Math.fround(s.values.at(age) - s.values.at(age + 1)),
  kind: () => 'spike',
  what: () => 'change',
};

const level: Component = {
  name: 'level',
  at: (s, age) => Math.fround(s.values.meanBack(age, 3)),
  kind: () => 'level_shift',
  what: () => 'level',
};

/** What the window must hold: the component at ages 1…history, NaN left out, sorted. */
function reference(component: Component, state: TailEnsembleState, history: number): number[] {
  return Array.from({ length: history }, (_, i) => component.at(state, i + 1))
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
}

function referenceCounts(sorted: number[], x: number) {
  const greater = sorted.filter((v) => v > x).length;
  const less = sorted.filter((v) => v < x).length;
  return { n: sorted.length, greater, equal: sorted.length - greater - less, less };
}

describe('PointWindow', () => {
  it.each([
    ['value', value],
    ['change', change],
    ['level', level],
  ])('slides through quantised values, gaps and index wrap-around like a sort (%s)', (_, component) => {
    const history = 50;
    const state = series(history + 5);
    const window = new PointWindow(history, component, state);
    const random = mulberry32(3);
    // 70 000 points: the stored 16-bit indices wrap once; few distinct values: long runs of equals.
    for (let i = 0; i < 70_000; i += 1) {
      push(state, random() < 0.02 ? NaN : Math.fround(Math.floor(random() * 6) / 2 - 1));
      window.slide(history);
      if (i % 997 === 0 || i > 69_990) {
        const expected = reference(component, state, history);
        expect(window.values()).toEqual(expected);
        for (const x of [-1, -0.25, 0, 0.5, 3])
          expect(window.counts(x)).toEqual(referenceCounts(expected, x));
      }
    }
  });

  it('rebuilds to what sliding holds, zeros of both signs included', () => {
    const history = 40;
    const state = series(history + 4);
    const sliding = new PointWindow(history, value, state);
    const random = mulberry32(5);
    for (let i = 0; i < 300; i += 1) {
      push(state, random() < 0.3 ? (random() < 0.5 ? -0 : 0) : Math.fround(random() * 4 - 2));
      sliding.slide(history);
    }
    const rebuilt = new PointWindow(history, value, state);
    rebuilt.rebuild(history);
    expect(rebuilt.values()).toEqual(sliding.values());
    // And both go on sliding from there: the order of equals is the same in both.
    for (let i = 0; i < 200; i += 1) {
      push(state, random() < 0.3 ? -0 : Math.fround(random()));
      sliding.slide(history);
      rebuilt.slide(history);
    }
    expect(rebuilt.values()).toEqual(reference(value, state, history));
    expect(sliding.values()).toEqual(reference(value, state, history));
  });

  it('reads its k-th value back from the ring', () => {
    const state = series(10);
    const window = new PointWindow(5, value, state);
    for (const v of [5, 1, 4, 1, 3]) {
      push(state, v);
      window.slide(5);
    }
    // Ages 1…5: every point but the newest (3).
    expect(window.values()).toEqual([1, 1, 4, 5]);
    expect(window.kth(3)).toBe(5);
    expect(window.counts(1)).toEqual({ n: 4, greater: 2, equal: 2, less: 0 });
  });

  it('counts an empty window as empty', () => {
    const window = new PointWindow(5, value, series(10));
    expect(window.size).toBe(0);
    expect(window.counts(1)).toEqual({ n: 0, greater: 0, equal: 0, less: 0 });
  });

  it('keeps 32-bit indices for a window too long for 16', () => {
    const history = 70_000;
    const state = series(history + 4);
    const window = new PointWindow(history, value, state);
    for (let i = 0; i < history + 1; i += 1) push(state, i % 7);
    window.rebuild(history);
    expect(window.values()).toEqual(reference(value, state, history));
    for (let i = 0; i < 50; i += 1) {
      push(state, (i * 3) % 7);
      window.slide(history);
    }
    expect(window.values()).toEqual(reference(value, state, history));
  });
});
