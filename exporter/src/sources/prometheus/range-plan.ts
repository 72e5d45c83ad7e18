/**
 * Which evaluation times to ask for, and in how many requests. Times sit on a grid of
 * `step` (multiples of it since the epoch) so a restart, a catch-up and the normal
 * increments all land on the same instants, and a range is never asked twice.
 */

/** One query_range request: evaluations at start, start+step, …, up to end (inclusive). */
export interface RangeChunk {
  startMs: number;
  endMs: number;
}

export const alignDown = (timeMs: number, stepMs: number) => Math.floor(timeMs / stepMs) * stepMs;
export const alignUp = (timeMs: number, stepMs: number) => Math.ceil(timeMs / stepMs) * stepMs;

/** Evaluations in [startMs, endMs] on the grid; 0 when the range is empty. */
export function pointsIn(startMs: number, endMs: number, stepMs: number): number {
  const first = alignUp(startMs, stepMs);
  const last = alignDown(endMs, stepMs);
  return last < first ? 0 : (last - first) / stepMs + 1;
}

/**
 * Splits [startMs, endMs] into chunks of at most `maxPoints` evaluations each, oldest
 * first, back to back (each chunk starts one step after the previous one ends).
 */
export function planChunks(startMs: number, endMs: number, stepMs: number, maxPoints: number): RangeChunk[] {
  if (stepMs <= 0 || maxPoints < 1) throw new RangeError('step and maxPoints must be positive');
  const chunks: RangeChunk[] = [];
  const last = alignDown(endMs, stepMs);
  for (let start = alignUp(startMs, stepMs); start <= last; start += maxPoints * stepMs) {
    chunks.push({ startMs: start, endMs: Math.min(last, start + (maxPoints - 1) * stepMs) });
  }
  return chunks;
}
