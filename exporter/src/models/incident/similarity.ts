/**
 * Similar past incidents, by signature: the set of series that were anomalous together
 * (Jaccard similarity of the two sets), with the root cause found for each as a tie-break
 * and as the hint an operator wants ("last time it was the database"). Pure.
 */
export interface IncidentSignature {
  id: string;
  /** `signal/service` of each member series. */
  series: readonly string[];
  /** `signal/service` of its likeliest cause, when it was analysed. */
  topCause: string | null;
}

export interface SimilarIncident {
  id: string;
  /** Jaccard similarity of the member series, 0..1. */
  similarity: number;
  sameCause: boolean;
}

/** Below this share of shared series, two incidents are not alike enough to mention. */
export const MIN_SIMILARITY = 0.3;

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  const shared = [...left].filter((x) => right.has(x)).length;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

export function similarIncidents(
  target: IncidentSignature,
  past: readonly IncidentSignature[],
  limit: number,
): SimilarIncident[] {
  return past
    .filter((p) => p.id !== target.id)
    .map((p) => ({
      id: p.id,
      similarity: jaccard(target.series, p.series),
      sameCause: target.topCause !== null && p.topCause === target.topCause,
    }))
    .filter((s) => s.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || Number(b.sameCause) - Number(a.sameCause))
    .slice(0, limit);
}
