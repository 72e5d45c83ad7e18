/**
 * A component's last `history` values, ascending, for the tail test: what the detector asks
 * of a window, whichever way it holds them (point-window.ts keeps which points, this file's
 * ValueWindow the values themselves).
 */
import type { Component } from './components.js';
import { SortedWindow } from './sorted-window.js';
import type { RankCounts } from './tail-test.js';
import type { TailEnsembleState } from './tail-ensemble-state.js';

export interface ComponentWindow {
  readonly size: number;
  /** The k-th smallest value (k from 0). */
  kth(k: number): number;
  counts(x: number): RankCounts;
  /** One point later: the component at age 1 enters, the one at age history + 1 leaves. */
  slide(history: number): void;
  /** Refills the window with the component at ages 1…history. */
  rebuild(history: number): void;
  /** The values, ascending (for tests). */
  values(): number[];
}

/**
 * A window that keeps a Float32 copy of the values: for the level, whose value at a point
 * is a mean over the `levelWindow` points before it — too dear to recompute in a search.
 */
export class ValueWindow implements ComponentWindow {
  private readonly sorted: SortedWindow;

  constructor(
    capacity: number,
    private readonly component: Component,
    private readonly state: TailEnsembleState,
  ) {
    this.sorted = new SortedWindow(capacity);
  }

  get size(): number {
    return this.sorted.size;
  }

  kth(k: number): number {
    return this.sorted.sorted[k] as number;
  }

  counts(x: number): RankCounts {
    return this.sorted.counts(x);
  }

  slide(history: number): void {
    this.sorted.remove(this.component.at(this.state, history + 1));
    this.sorted.insert(this.component.at(this.state, 1));
  }

  rebuild(history: number): void {
    this.sorted.assign(history, (i) => this.component.at(this.state, i + 1));
  }

  values(): number[] {
    return [...this.sorted.sorted];
  }
}
