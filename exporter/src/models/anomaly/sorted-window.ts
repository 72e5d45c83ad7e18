/**
 * The values of a sliding window kept in ascending order, so a new point's rank is two
 * binary searches and a tail's extremes are the ends of the array: O(log n) to count and
 * one block move (memmove) to insert or remove, instead of a scan of the whole window for
 * every point of every series. Float32, like the rings the values come from: callers pass
 * values already rounded with Math.fround, so removal finds exactly what was inserted.
 */
export class SortedWindow {
  private readonly data: Float32Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.data = new Float32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The filled part, ascending (a view: do not keep it across updates). */
  get sorted(): Float32Array {
    return this.data.subarray(0, this.count);
  }

  /** First index whose value is ≥ x. */
  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.data[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose value is > x. */
  private upperBound(x: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.data[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(x: number): void {
    if (Number.isNaN(x)) return;
    if (this.count === this.capacity) throw new Error('sorted window is full');
    const at = this.upperBound(x);
    this.data.copyWithin(at + 1, at, this.count);
    this.data[at] = x;
    this.count += 1;
  }

  /** Removes one occurrence of x; false when there is none (NaN never is). */
  remove(x: number): boolean {
    if (Number.isNaN(x)) return false;
    const at = this.lowerBound(x);
    if (at >= this.count || this.data[at] !== x) return false;
    this.data.copyWithin(at, at + 1, this.count);
    this.count -= 1;
    return true;
  }

  /** How many values are above x, equal to it, and below it. */
  counts(x: number): { n: number; greater: number; equal: number; less: number } {
    const below = this.lowerBound(x);
    const notAbove = this.upperBound(x);
    return { n: this.count, greater: this.count - notAbove, equal: notAbove - below, less: below };
  }

  /** Replaces the contents with valueAt(0…n−1) (NaN skipped): one sort instead of n inserts. */
  assign(n: number, valueAt: (i: number) => number): void {
    if (n > this.capacity) throw new Error('sorted window is full');
    this.count = 0;
    for (let i = 0; i < n; i += 1) {
      const v = valueAt(i);
      if (Number.isNaN(v)) continue;
      this.data[this.count] = v;
      this.count += 1;
    }
    this.data.subarray(0, this.count).sort();
  }
}
