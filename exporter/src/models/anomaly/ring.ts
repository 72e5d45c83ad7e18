/**
 * A fixed-capacity ring of recent values, newest first by age (age 0 is the newest).
 * Float32 storage: a series' history is thousands of points and 10 000 series share one
 * process, so half the bytes of a Float64Array matter more than digits past the 7th.
 * Missing points are NaN and are skipped by everything that reads the ring.
 */

export interface RingJson {
  capacity: number;
  size: number;
  /** Index of the newest value. */
  head: number;
  /** The backing Float32Array as base64 (little-endian), so a state is compact text. */
  data: string;
}

export class Ring {
  private readonly data: Float32Array;
  private head = -1;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`ring capacity must be ≥ 1 (got ${capacity})`);
    this.data = new Float32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(value: number): void {
    this.head = (this.head + 1) % this.capacity;
    this.data[this.head] = value;
    if (this.count < this.capacity) this.count += 1;
  }

  /** The value `age` points before the newest, or NaN when the ring does not reach back that far. */
  at(age: number): number {
    if (age < 0 || age >= this.count) return NaN;
    return this.data[(this.head - age + this.capacity) % this.capacity] as number;
  }

  /**
   * The mean of the values from `age` back over `n` ages, NaN skipped, added newest first
   * (so the same values always give the same bits: a level recomputed later must equal the
   * one computed before); NaN when fewer than half of the n are there. A loop over the
   * backing array, not n calls of at(): a window rebuild asks for thousands of these.
   */
  meanBack(age: number, n: number): number {
    let sum = 0;
    let count = 0;
    const last = Math.min(age + n, this.count);
    let index = (this.head - age + this.capacity) % this.capacity;
    for (let a = age; a < last; a += 1) {
      const v = this.data[index] as number;
      index = index === 0 ? this.capacity - 1 : index - 1;
      if (Number.isNaN(v)) continue;
      sum += v;
      count += 1;
    }
    return count * 2 >= n ? sum / count : NaN;
  }

  /** A ring of `capacity` holding this one's newest values (as many as fit), in order. */
  resized(capacity: number): Ring {
    const ring = new Ring(capacity);
    for (let age = Math.min(this.count, capacity) - 1; age >= 0; age -= 1) ring.push(this.at(age));
    return ring;
  }

  toJSON(): RingJson {
    const bytes = Buffer.from(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    return { capacity: this.capacity, size: this.count, head: this.head, data: bytes.toString('base64') };
  }

  static fromJSON(json: RingJson): Ring {
    const ring = new Ring(json.capacity);
    const bytes = Buffer.from(json.data, 'base64');
    const valid =
      bytes.byteLength === ring.data.byteLength &&
      Number.isInteger(json.size) &&
      json.size >= 0 &&
      json.size <= json.capacity &&
      Number.isInteger(json.head) &&
      json.head >= (json.size === 0 ? -1 : 0) &&
      json.head < json.capacity;
    if (!valid) throw new Error('ring state does not match its capacity');
    ring.data.set(
      new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
    );
    ring.head = json.head;
    ring.count = json.size;
    return ring;
  }
}
