/**
 * Delay lines of numbers, one per horizon h: each holds the values pushed at the last h
 * origins, so the oldest is the one said h steps ago, due to be resolved now. All lines of
 * a series share one Float64Array (as JS arrays they were a few KiB a series of headers and
 * growth slack); Float64, because what they hold (forecasts, probabilities) is compared with
 * what arrives at full precision.
 */
export class DelayLines {
  private readonly data: Float64Array;
  /** Line i's start in `data` at [3i], values held at [3i + 1], slot of the oldest at [3i + 2]. */
  private readonly meta: Int32Array;

  constructor(readonly lengths: readonly number[]) {
    if (lengths.some((h) => !Number.isInteger(h) || h < 1))
      throw new Error(`delay lines must be whole lengths ≥ 1 (got ${JSON.stringify(lengths)})`);
    this.meta = new Int32Array(3 * lengths.length);
    let start = 0;
    lengths.forEach((h, i) => {
      this.meta[3 * i] = start;
      start += h;
    });
    this.data = new Float64Array(start);
  }

  /** True once line `i` holds as many values as its length. */
  isFull(i: number): boolean {
    return this.meta[3 * i + 1] === this.lengths[i];
  }

  /** The oldest value of full line `i` (pushed `lengths[i]` pushes ago). */
  oldest(i: number): number {
    return this.data[(this.meta[3 * i] as number) + (this.meta[3 * i + 2] as number)] as number;
  }

  /** Appends to line `i`, or, once it is full, puts `value` in the oldest's place. */
  push(i: number, value: number): void {
    const start = this.meta[3 * i] as number;
    const held = this.meta[3 * i + 1] as number;
    const length = this.lengths[i] as number;
    if (held < length) {
      this.data[start + held] = value;
      this.meta[3 * i + 1] = held + 1;
      return;
    }
    const slot = this.meta[3 * i + 2] as number;
    this.data[start + slot] = value;
    this.meta[3 * i + 2] = (slot + 1) % length;
  }
}
