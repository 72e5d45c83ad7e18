/**
 * Bounded windows of recent errors, several per series (one per conformal anchor), each
 * kept ascending, so a quantile is a lookup and a tail share a binary search. Which error
 * leaves when a full window takes a new one is known from an arrival tag kept beside each
 * value (its slot in a virtual ring): a byte per error instead of a second copy of the
 * errors in arrival order. All windows of a series share one Float32Array: as JS arrays
 * they cost ~100 KiB a series (the sorted copy, edited by splice, held every error as a
 * boxed number), and 10 000 series share one process.
 *
 * Float32 keeps an error to 7 digits of itself, not of the series' level, which is far
 * finer than any interval drawn from 250 of them — except at ties: on quantised series
 * (whole counts, percentages to one decimal) a value often lands exactly on a bound, and a
 * conformal interval covers as often as it promises only if such a value counts as inside.
 * So bounds are read rounded outwards (`atLeast`, `atMost`) and tail counts compare in
 * Float32 (`countAbove`): a tie stays a tie.
 */

/** Relative size of one Float32 step (2^-23): a rounded error is within half of it. */
const FLOAT32_STEP = 2 ** -23;
type Tags = Uint8Array | Uint16Array | Uint32Array;

/** The narrowest unsigned array that numbers `capacity` slots. */
function tagsFor(length: number, capacity: number): Tags {
  if (capacity <= 2 ** 8) return new Uint8Array(length);
  return capacity <= 2 ** 16 ? new Uint16Array(length) : new Uint32Array(length);
}

export class ErrorWindows {
  /** Window w's errors, ascending, at [w·capacity, w·capacity + size). */
  private readonly data: Float32Array;
  /** Beside each error, the arrival slot it was added at (0…capacity − 1, then reused). */
  private readonly tags: Tags;
  /** Window w's size at [2w] and, once full, the slot whose error leaves next at [2w + 1]. */
  private readonly fill: Int32Array;

  constructor(
    readonly windows: number,
    readonly capacity: number,
  ) {
    if (!Number.isInteger(windows) || windows < 1 || !Number.isInteger(capacity) || capacity < 1)
      throw new Error(`error windows need ≥ 1 window of ≥ 1 value (got ${windows} × ${capacity})`);
    this.data = new Float32Array(windows * capacity);
    this.tags = tagsFor(windows * capacity, capacity);
    this.fill = new Int32Array(2 * windows);
  }

  /** Errors held by window `w`. */
  size(w: number): number {
    return this.fill[2 * w] as number;
  }

  /**
   * Adds `error` to window `w`; once the window is full, its oldest error leaves. NaN (a
   * forecast that overflowed) is not kept: it has no place in an order.
   */
  add(w: number, error: number): void {
    if (Number.isNaN(error)) return;
    const x = Math.fround(error);
    const from = w * this.capacity;
    const n = this.fill[2 * w] as number;
    if (n < this.capacity) {
      const at = this.upperBound(from, from + n, x);
      this.move(at + 1, at, from + n);
      this.put(at, x, n);
      this.fill[2 * w] = n + 1;
      return;
    }
    const slot = this.fill[2 * w + 1] as number;
    // A full window holds each slot once, so the first match from its start is in it.
    const leaving = this.tags.indexOf(slot, from);
    const into = this.upperBound(from, from + n, x);
    if (into > leaving) {
      this.move(leaving, leaving + 1, into);
      this.put(into - 1, x, slot);
    } else {
      this.move(into + 1, into, leaving);
      this.put(into, x, slot);
    }
    this.fill[2 * w + 1] = (slot + 1) % this.capacity;
  }

  /** The k-th smallest error of window `w` (k from 0), as kept (to Float32). */
  kth(w: number, k: number): number {
    return this.data[w * this.capacity + k] as number;
  }

  /** The k-th smallest error, never below the error it was rounded from (an upper bound). */
  atLeast(w: number, k: number): number {
    const x = this.kth(w, k);
    return Number.isFinite(x) ? x + Math.abs(x) * FLOAT32_STEP : x;
  }

  /** The k-th smallest error, never above the error it was rounded from (a lower bound). */
  atMost(w: number, k: number): number {
    const x = this.kth(w, k);
    return Number.isFinite(x) ? x - Math.abs(x) * FLOAT32_STEP : x;
  }

  /** How many errors of window `w` are above x, with x rounded as the errors were. */
  countAbove(w: number, x: number): number {
    const sorted = w * this.capacity;
    const n = this.fill[2 * w] as number;
    return sorted + n - this.upperBound(sorted, sorted + n, Math.fround(x));
  }

  /** Window `w`'s errors, ascending (a view: valid until the next add). */
  sorted(w: number): Float32Array {
    const from = w * this.capacity;
    return this.data.subarray(from, from + (this.fill[2 * w] as number));
  }

  /** First index in [from, to) whose value is > x (to when none is). */
  private upperBound(from: number, to: number, x: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.data[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Moves the errors (and their tags) at [start, end) to `target`. */
  private move(target: number, start: number, end: number): void {
    this.data.copyWithin(target, start, end);
    this.tags.copyWithin(target, start, end);
  }

  private put(at: number, x: number, slot: number): void {
    this.data[at] = x;
    this.tags[at] = slot;
  }
}
