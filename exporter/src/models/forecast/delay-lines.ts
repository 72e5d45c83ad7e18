/**
 * Delay lines of numbers, one per horizon h: each holds the values pushed at the last h
 * origins, so the oldest is the one said h steps ago, due to be resolved now. All lines of
 * a series share one Float64Array (as JS arrays they were a few KiB a series of headers and
 * growth slack). Forecasts are kept in Float64: their error is what arrives minus them, and
 * a Float32 forecast of a level of millions is off by more than a small error. Probabilities
 * may be kept in Float32 (`float32`): they are only ever binned.
 */
export class DelayLines {
  private readonly data: Float64Array | Float32Array;
  /** Line i's start in `data` at [3i], values held at [3i + 1], slot of the oldest at [3i + 2]. */
  private readonly meta: Int32Array;

  constructor(
    readonly lengths: readonly number[],
    precision: 'float64' | 'float32' = 'float64',
  ) {
    if (lengths.some((h) => !Number.isInteger(h) || h < 1))
      throw new Error(`delay lines must be whole lengths ≥ 1 (got ${JSON.stringify(lengths)})`);
    this.meta = new Int32Array(3 * lengths.length);
    let start = 0;
    lengths.forEach((h, i) => {
      this.meta[3 * i] = start;
      start += h;
    });
    this.data = precision === 'float64' ? new Float64Array(start) : new Float32Array(start);
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
