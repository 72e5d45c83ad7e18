/** Binary search in ascending arrays, shared by the model families' sorted windows. */

/** Index of the first element of ascending `sorted` greater than `x` (how many are ≤ x). */
export function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
