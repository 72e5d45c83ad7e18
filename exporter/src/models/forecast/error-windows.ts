/**
 * Bounded windows of recent errors, several per series (one per conformal anchor), each
 * kept twice: in arrival order, to know which error leaves, and ascending, so a quantile is
 * a lookup and a tail share a binary search. All windows of a series share one Float32Array:
 * as JS arrays they cost ~100 KiB a series (the sorted copy, edited by splice, held every
 * error as a boxed number), and 10 000 series share one process. Float32 keeps an error to
 * 7 digits of itself, not of the series' level, which is far finer than any interval drawn
 * from 250 of them — except at ties: on quantised series (whole counts, percentages to one
 * decimal) a value often lands exactly on a bound, and a conformal interval covers as often
 * as it promises only if such a value counts as inside. So bounds are read rounded outwards
 * (`atLeast`, `atMost`) and tail counts compare in Float32 (`countAbove`): a tie stays a tie.
 */

/** Relative size of one Float32 step (2^-23): a rounded error is within half of it. */
const FLOAT32_STEP = 2 ** -23;
export class ErrorWindows {
  /** Window w's ring at [w·capacity, …), then its sorted copy at [(windows + w)·capacity, …). */
  private readonly data: Float32Array;
  /** Window w's size at [2w] and, once full, the ring slot written next at [2w + 1]. */
  private readonly fill: Int32Array;

  constructor(
    readonly windows: number,
    readonly capacity: number,
  ) {
    if (!Number.isInteger(windows) || windows < 1 || !Number.isInteger(capacity) || capacity < 1)
      throw new Error(`error windows need ≥ 1 window of ≥ 1 value (got ${windows} × ${capacity})`);
    this.data = new Float32Array(2 * windows * capacity);
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
    const n = this.fill[2 * w] as number;
    const ring = w * this.capacity;
    const sorted = (this.windows + w) * this.capacity;
    if (n < this.capacity) {
      this.data[ring + n] = x;
      const at = this.upperBound(sorted, sorted + n, x);
      this.data.copyWithin(at + 1, at, sorted + n);
      this.data[at] = x;
      this.fill[2 * w] = n + 1;
      return;
    }
    const slot = this.fill[2 * w + 1] as number;
    this.replace(sorted, this.data[ring + slot] as number, x);
    this.data[ring + slot] = x;
    this.fill[2 * w + 1] = (slot + 1) % this.capacity;
  }

  /** The k-th smallest error of window `w` (k from 0), as kept (to Float32). */
  kth(w: number, k: number): number {
    return this.data[(this.windows + w) * this.capacity + k] as number;
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
    const sorted = (this.windows + w) * this.capacity;
    const n = this.fill[2 * w] as number;
    return sorted + n - this.upperBound(sorted, sorted + n, Math.fround(x));
  }

  /** Window `w`'s errors, ascending (a view: valid until the next add). */
  sorted(w: number): Float32Array {
    const from = (this.windows + w) * this.capacity;
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

  /**
   * Swaps `leaving` for `entering` in the full sorted copy at `from`: only the values between
   * their two positions move, by one (a block move), not the whole tail twice.
   */
  private replace(from: number, leaving: number, entering: number): void {
    const to = from + this.capacity;
    // `leaving` is held: the last value ≤ it is an equal one.
    const at = this.upperBound(from, to, leaving) - 1;
    const into = this.upperBound(from, to, entering);
    if (into > at) {
      this.data.copyWithin(at, at + 1, into);
      this.data[into - 1] = entering;
    } else {
      this.data.copyWithin(into + 1, into, at);
      this.data[into] = entering;
    }
  }
}
