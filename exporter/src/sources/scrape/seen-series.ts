/**
 * The series an exposition has already given, to find the ones it repeats. Keyed by a
 * 32-bit hash of the series that the line reader computes while reading the characters it
 * reads anyway (exposition-line.ts), so a line costs no key string: building and hashing
 * one per line was a large share of a scrape's garbage. Equal hashes are compared label
 * by label, so a collision never makes two series one.
 */
import type { ExpositionSample } from './sample.js';

export class SeenSeries {
  /** Every sample admitted, in order: one per series. */
  readonly samples: ExpositionSample[] = [];
  // Open addressing over typed slots (a sample's index + 1; 0 is free): a Map of 10 000
  // entries, built per scrape, cost a quarter of the parse, and an array of objects as
  // slots cost the time to fill it.
  private hashes: Int32Array;
  private slots: Int32Array;

  /** Sized for `expected` series up front, so a scrape's table is not regrown as it fills. */
  constructor(expected = 512) {
    let capacity = 1024;
    while (capacity < 2 * expected) capacity *= 2;
    this.hashes = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  /** Keeps the sample unless its series was seen already; false when it was. */
  admit(hash: number, sample: ExpositionSample): boolean {
    if (2 * (this.samples.length + 1) > this.slots.length) this.grow();
    const slot = this.find(hash, sample);
    if (this.slots[slot] !== 0) return false;
    this.samples.push(sample);
    this.hashes[slot] = hash;
    this.slots[slot] = this.samples.length;
    return true;
  }

  /** The sample's slot: the one holding its series, or the free one it would take. */
  private find(hash: number, sample: ExpositionSample): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = this.slots[slot]!;
      if (index === 0) return slot;
      if (this.hashes[slot] === hash && sameSeries(this.samples[index - 1]!, sample)) return slot;
    }
  }

  private grow(): void {
    const { hashes, slots } = this;
    this.hashes = new Int32Array(2 * hashes.length);
    this.slots = new Int32Array(2 * slots.length);
    const mask = this.slots.length - 1;
    slots.forEach((index, old) => {
      if (index === 0) return;
      let slot = hashes[old]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[old]!;
      this.slots[slot] = index;
    });
  }
}

function sameSeries(a: ExpositionSample, b: ExpositionSample): boolean {
  if (a.name !== b.name) return false;
  const names = Object.keys(a.labels);
  if (names.length !== Object.keys(b.labels).length) return false;
  return names.every((name) => Object.hasOwn(b.labels, name) && b.labels[name] === a.labels[name]);
}

/** FNV-1a's step: one character code into a running 32-bit hash. */
export const FNV_OFFSET = 0x811c9dc5;
export const fnvStep = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);

/** A label's share of a series hash: its name and value mixed so `a="b"` ≠ `b="a"`. */
export function labelHash(nameHash: number, valueHash: number): number {
  return mix(nameHash ^ Math.imul(valueHash, 0x9e3779b1));
}

/**
 * The series hash: the labels' shares are summed, so the order they were written in does
 * not matter (the same series written two ways is still a repeat). Kept to 30 bits, a
 * small integer to V8: a wider one would be a heap number, allocated for every line.
 */
export function seriesHash(nameHash: number, labelsSum: number): number {
  return mix(nameHash + Math.imul(labelsSum, 0x85ebca6b)) & 0x3fffffff;
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of a whole string, for values the reader had to unescape. */
export function stringHash(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
}
