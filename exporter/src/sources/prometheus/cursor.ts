/**
 * Where each signal's reading stands: the last evaluation time already handed to the
 * pipeline. The next collect asks for the range after it up to now, so a collect that
 * failed (an outage) leaves the cursor where it was and the next success fills the gap,
 * and no sample is ever returned twice (the store appends, it does not deduplicate).
 */
import { alignDown, alignUp } from './range-plan.js';

export interface PendingRange {
  signal: string;
  startMs: number;
  endMs: number;
  /** True on the signal's first read: the range is the lookback window. */
  backfill: boolean;
}

export class ReadCursor {
  private readonly lastMs = new Map<string, number>();

  constructor(
    private readonly stepMs: number,
    private readonly lookbackMs: number,
  ) {}

  /**
   * The range a signal still needs at `nowMs`, or undefined when it is up to date. A gap
   * longer than the lookback is cut to the lookback (older data is not worth the load).
   */
  pending(signal: string, nowMs: number): PendingRange | undefined {
    const endMs = alignDown(nowMs, this.stepMs);
    const oldest = alignUp(nowMs - this.lookbackMs, this.stepMs);
    const last = this.lastMs.get(signal);
    const startMs = last === undefined ? oldest : Math.max(oldest, last + this.stepMs);
    if (startMs > endMs) return undefined;
    return { signal, startMs, endMs, backfill: last === undefined };
  }

  /** Records that every evaluation up to `endMs` was delivered. Never moves backwards. */
  advance(signal: string, endMs: number): void {
    const last = this.lastMs.get(signal);
    if (last === undefined || endMs > last) this.lastMs.set(signal, endMs);
  }

  /** Starts a signal where an earlier run stopped (e.g. the store's newest sample). */
  resume(signal: string, lastMs: number): void {
    this.advance(signal, alignDown(lastMs, this.stepMs));
  }
}
