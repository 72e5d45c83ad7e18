/**
 * A component's last `history` values, ascending, for the tail test — kept as which points
 * they belong to (their point index, modulo 2^16), not as the values: these are read back
 * through the component (from the values ring) when a search needs them. Half the bytes of a
 * Float32 copy, and 10 000 series hold three or four of these each. A search reads a dozen
 * values; for the level each is a mean over `levelWindow` ring values, which costs the
 * detector ~3 µs a point (test/bench/anomaly-detector.ts) for 4 KiB a series.
 *
 * Entries with equal values are ordered by their stored index, so the one to remove is
 * found by one search, not by a scan of the run of equals (long on quantised series).
 */
import type { Component } from './components.js';
import type { RankCounts } from './tail-test.js';
import type { TailEnsembleState } from './tail-ensemble-state.js';

/** Point indices stored in 16 bits wrap at this: the window's span (history + 1) must be below it. */
const NARROW = 2 ** 16;

// Rebuilds sort (value, index) pairs packed in one float64 (32 + 16 bits): a native sort.
const bits = new Float32Array(1);
const bitsAsUint = new Uint32Array(bits.buffer);

/** A Float32's bits as an unsigned integer of the same order (−0 taken as +0, as < takes it). */
function orderedBits(value: number): number {
  bits[0] = value + 0;
  const u = bitsAsUint[0] as number;
  return u >= 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
}

export class PointWindow {
  private readonly points: Uint16Array | Uint32Array;
  private count = 0;
  /** Indices wrap at 2^16 when the window spans fewer points, else at 2^32. */
  private readonly narrow: boolean;

  constructor(
    readonly capacity: number,
    private readonly component: Component,
    private readonly state: TailEnsembleState,
  ) {
    this.narrow = capacity + 1 < NARROW;
    this.points = this.narrow ? new Uint16Array(capacity) : new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /**
   * The stored index of the point `age` before the newest. The same map takes a stored index
   * back to its age: both are (newest point − the other), wrapped to the stored width.
   */
  private indexOf(age: number): number {
    const d = this.state.points - 1 - age;
    return this.narrow ? d & 0xffff : d >>> 0;
  }

  /** The component value of the entry at `k`. */
  kth(k: number): number {
    return this.component.at(this.state, this.indexOf(this.points[k] as number));
  }

  /** The values, ascending (for tests). */
  values(): number[] {
    return Array.from({ length: this.count }, (_, k) => this.kth(k));
  }

  /** First entry after (x, index) in the window's order: by value, then by stored index. */
  private after(x: number, index: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.kth(mid);
      if (v < x || (v === x && (this.points[mid] as number) <= index)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  counts(x: number): RankCounts {
    // Stored indices lie in [0, 2^32): (x, -1) comes before every entry of value x, (x, ∞) after.
    const below = this.after(x, -1);
    const notAbove = this.after(x, Infinity);
    return { n: this.count, greater: this.count - notAbove, equal: notAbove - below, less: below };
  }

  private insert(age: number): void {
    const x = this.component.at(this.state, age);
    if (Number.isNaN(x)) return;
    if (this.count === this.capacity) throw new Error('point window is full');
    const index = this.indexOf(age);
    const at = this.after(x, index);
    this.points.copyWithin(at + 1, at, this.count);
    this.points[at] = index;
    this.count += 1;
  }

  private remove(age: number): void {
    const x = this.component.at(this.state, age);
    if (Number.isNaN(x)) return;
    const index = this.indexOf(age);
    const at = this.after(x, index) - 1;
    if (at < 0 || this.points[at] !== index) throw new Error('point window lost a point');
    this.points.copyWithin(at, at + 1, this.count);
    this.count -= 1;
  }

  /** One point later: the component at age 1 enters, the one at age history + 1 leaves. */
  slide(history: number): void {
    this.remove(history + 1);
    this.insert(1);
  }

  /** Refills the window with the component at ages 1…history (after a gap, a restore, a new season). */
  rebuild(history: number): void {
    if (history > this.capacity) throw new Error('point window is full');
    if (!this.narrow) {
      this.rebuildWide(history);
      return;
    }
    const keys = new Float64Array(history);
    let n = 0;
    for (let age = 1; age <= history; age += 1) {
      const x = this.component.at(this.state, age);
      if (!Number.isNaN(x)) keys[n++] = orderedBits(x) * NARROW + this.indexOf(age);
    }
    const sorted = keys.subarray(0, n).sort();
    for (let k = 0; k < n; k += 1) this.points[k] = (sorted[k] as number) % NARROW;
    this.count = n;
  }

  /** The same for 32-bit indices, which do not pack beside a value in a float64 (long histories only). */
  private rebuildWide(history: number): void {
    const entries: Array<[number, number]> = [];
    for (let age = 1; age <= history; age += 1) {
      const x = this.component.at(this.state, age);
      if (!Number.isNaN(x)) entries.push([x, this.indexOf(age)]);
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    entries.forEach(([, index], k) => (this.points[k] = index));
    this.count = entries.length;
  }
}
