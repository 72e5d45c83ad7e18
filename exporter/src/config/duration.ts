/**
 * Prometheus-style durations ("15s", "1h30m", "24m", "250ms"): the one format every
 * duration in Omen's config, CLI and metric labels uses, so operators never convert units.
 */
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

export const DURATION_PATTERN = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const PART = /(\d+)(ms|s|m|h|d|w|y)/g;

/** Milliseconds in a duration string; throws on anything that is not one. */
export function parseDuration(text: string): number {
  if (!DURATION_PATTERN.test(text))
    throw new Error(`not a duration: "${text}" (expected e.g. 15s, 5m, 1h30m)`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit!]!;
  return total;
}

/** The shortest Prometheus duration for a number of milliseconds (used for `horizon` labels). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const units: [string, number][] = [
    ['w', UNIT_MS.w!],
    ['d', UNIT_MS.d!],
    ['h', UNIT_MS.h!],
    ['m', UNIT_MS.m!],
    ['s', UNIT_MS.s!],
    ['ms', 1],
  ];
  let rest = ms;
  let out = '';
  for (const [unit, size] of units) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out;
}
