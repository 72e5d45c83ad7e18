/**
 * A sliding window over the last `capacity` values that answers median, MAD and mean
 * |step| in O(capacity) per step (a sorted copy kept by binary insertion), so the one-step
 * residuals of a few hundred points cost well under a millisecond.
 */

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class RobustWindow {
  private readonly sorted: number[] = [];
  private readonly arrivals: number[] = [];
  private head = 0;
  private stepSum = 0;

  constructor(private readonly capacity: number) {}

  get count(): number {
    return this.sorted.length;
  }

  push(value: number): void {
    const last = this.arrivals[this.arrivals.length - 1];
    if (this.count > 0 && last !== undefined) this.stepSum += Math.abs(value - last);
    this.arrivals.push(value);
    this.sorted.splice(lowerBound(this.sorted, value), 0, value);
    if (this.sorted.length > this.capacity) {
      const oldest = this.arrivals[this.head] as number;
      const next = this.arrivals[this.head + 1] as number;
      this.stepSum -= Math.abs(next - oldest);
      this.head += 1;
      this.sorted.splice(lowerBound(this.sorted, oldest), 1);
    }
  }

  median(): number {
    const n = this.sorted.length;
    const mid = n >>> 1;
    const s = this.sorted;
    return n % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  }

  /** Median absolute deviation from `center`: merges the two monotone sides of the sorted copy. */
  mad(center: number): number {
    const s = this.sorted;
    const n = s.length;
    let left = lowerBound(s, center) - 1;
    let right = left + 1;
    const k = (n - 1) >>> 1;
    let previous = 0;
    let value = 0;
    // Walk outwards from the center, always taking the nearer side: the i-th step yields the
    // i-th smallest deviation; the median needs the k-th (and the (k+1)-th for even n).
    for (let i = 0; i <= k + 1 - (n % 2); i += 1) {
      const dl = left >= 0 ? center - (s[left] as number) : Infinity;
      const dr = right < n ? (s[right] as number) - center : Infinity;
      previous = value;
      if (dl <= dr) {
        value = dl;
        left -= 1;
      } else {
        value = dr;
        right += 1;
      }
    }
    return n % 2 === 1 ? value : (previous + value) / 2;
  }

  /** Mean |x_i − x_{i−1}| over consecutive values inside the window (0 with fewer than two). */
  meanAbsStep(): number {
    return this.count > 1 ? Math.max(0, this.stepSum) / (this.count - 1) : 0;
  }
}
