/**
 * Label contrast: which values of a label (pod, version, route, status code, error type)
 * carry more of the failing signal's events during the incident than they did before it.
 *
 * Each value's share of the events in the incident window is compared with its share in
 * the baseline window. The score is Adtributor's "surprise" (Bhagwan et al., "Adtributor:
 * Revenue Debugging in Advertising Systems", NSDI 2014, §3.2): the value's term of the
 * Jensen–Shannon divergence between the two share distributions. It is bounded, needs no
 * smoothing for a share of 0, and ranks a large move of a small share above a small move
 * of a large one, the way an operator reads "most of the errors moved onto pod-3".
 *
 * A share computed from few events is noise, so a value counts as over-represented only
 * when a two-proportion z-test of the two shares clears `minZ`. A baseline with few or no
 * events (errors often start from zero) is smoothed with a prior of `priorWeight` pseudo
 * events spread by each value's `prior` (for a ratio signal, its baseline traffic: errors
 * spread like traffic are what "nothing special" means), or evenly when none is given.
 * When the traffic during the incident is known too, each value's expected share follows
 * its traffic now at its error ratio before, so a shift of traffic is not a finding.
 */

/** One label value's events in the two windows. */
export interface LabelValueCounts {
  value: string;
  /** Events (e.g. errors) during the incident. */
  incident: number;
  /** Events in the baseline window before it. */
  baseline: number;
  /** What the baseline share falls back on when the baseline has few events (e.g. its traffic). */
  prior?: number;
  /** Its traffic during the incident: with `prior` (the traffic before), where its errors are expected now. */
  incidentTraffic?: number;
}

/** Every value of one label, as one breakdown of the signal. */
export interface LabelBreakdown {
  label: string;
  values: readonly LabelValueCounts[];
}

export interface LabelContrastParams {
  /** Pseudo events of the prior added to the baseline. */
  priorWeight: number;
  /** Two-proportion z a value's rise of share must reach to count. */
  minZ: number;
}

export const DEFAULT_CONTRAST_PARAMS: LabelContrastParams = { priorWeight: 10, minZ: 3 };

export interface OverRepresentedValue {
  label: string;
  value: string;
  /** Share of the incident's events, 0..1. */
  incidentShare: number;
  /** Share expected from the baseline (smoothed by the prior; with traffic, where the traffic went), 0..1. */
  baselineShare: number;
  incidentCount: number;
  baselineCount: number;
  /** Adtributor surprise in bits, 0..1: higher is more over-represented. */
  score: number;
  /** Two-proportion z of the rise in share. */
  z: number;
}

export const LABEL_CONTRAST = 'label_contrast';

const isCount = (x: number) => Number.isFinite(x) && x >= 0;

/** The value's term of the Jensen–Shannon divergence of shares p (incident) and q (baseline), in bits. */
export function surprise(p: number, q: number): number {
  const m = (p + q) / 2;
  const term = (x: number) => (x > 0 ? x * Math.log2(x / m) : 0);
  return (term(p) + term(q)) / 2;
}

function priorShares(values: readonly LabelValueCounts[]): number[] {
  const priors = values.map((v) => (v.prior !== undefined && isCount(v.prior) ? v.prior : 0));
  const total = priors.reduce((sum, x) => sum + x, 0);
  return total > 0 ? priors.map((x) => x / total) : values.map(() => 1 / values.length);
}

const sumOf = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0);

/**
 * Each value's share of the events expected during the incident. Without traffic it is its
 * smoothed share of the baseline's events. With the traffic of both windows it is its
 * traffic now times its error ratio before (a new value: the overall ratio), so a pod that
 * took more of the traffic, or was added by an autoscaler, is expected to take more errors
 * too and is not blamed for it.
 */
function expectedShares(values: readonly LabelValueCounts[], smoothed: readonly number[]): number[] {
  const baselineTotal = sumOf(smoothed);
  const before = values.map((v) => v.prior ?? Number.NaN);
  const now = values.map((v) => v.incidentTraffic ?? Number.NaN);
  const trafficKnown = [...before, ...now].every(isCount) && sumOf(before) > 0 && sumOf(now) > 0;
  if (!trafficKnown) return smoothed.map((x) => x / baselineTotal);
  const overallRatio = baselineTotal / sumOf(before);
  const expected = values.map(
    (_, i) => now[i]! * (before[i]! > 0 ? smoothed[i]! / before[i]! : overallRatio),
  );
  const total = sumOf(expected);
  return expected.map((x) => (total > 0 ? x / total : 0));
}

function contrastOne(breakdown: LabelBreakdown, params: LabelContrastParams): OverRepresentedValue[] {
  const values = breakdown.values.filter((v) => isCount(v.incident) && isCount(v.baseline));
  const incidentTotal = sumOf(values.map((v) => v.incident));
  if (values.length < 2 || incidentTotal <= 0) return [];
  const priors = priorShares(values);
  const smoothed = values.map((v, i) => v.baseline + params.priorWeight * priors[i]!);
  const expected = expectedShares(values, smoothed);
  const baselineTotal = sumOf(smoothed);
  return values.flatMap((v, i) => {
    const p = v.incident / incidentTotal;
    const q = expected[i]!;
    const pooled = (v.incident + q * baselineTotal) / (incidentTotal + baselineTotal);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / incidentTotal + 1 / baselineTotal));
    const z = se > 0 ? (p - q) / se : 0;
    if (p <= q || z < params.minZ) return [];
    return [
      {
        label: breakdown.label,
        value: v.value,
        incidentShare: p,
        baselineShare: q,
        incidentCount: v.incident,
        baselineCount: v.baseline,
        score: surprise(p, q),
        z,
      },
    ];
  });
}

/** The over-represented values of every label, most surprising first (ties: larger z, then name). */
export function contrastLabels(
  breakdowns: readonly LabelBreakdown[],
  params: LabelContrastParams = DEFAULT_CONTRAST_PARAMS,
): OverRepresentedValue[] {
  if (!(params.priorWeight > 0) || !(params.minZ >= 0)) {
    throw new RangeError('label contrast needs priorWeight > 0 and minZ ≥ 0');
  }
  return breakdowns
    .flatMap((breakdown) => contrastOne(breakdown, params))
    .sort(
      (a, b) =>
        b.score - a.score || b.z - a.z || a.label.localeCompare(b.label) || a.value.localeCompare(b.value),
    );
}
