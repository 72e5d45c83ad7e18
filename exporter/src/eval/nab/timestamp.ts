/**
 * NAB timestamps are naive date-times (`2014-04-10 07:15:00` in the CSVs,
 * `2014-04-10 07:15:00.000000` in windows.json). They are read as UTC so both spellings of
 * one instant compare equal and no local-time DST rule can shift or merge rows.
 */
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z)?$/;

/** Milliseconds since the epoch, or null when `text` is not a date-time. */
export function parseNabTimestamp(text: string): number | null {
  const m = NAIVE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  // Date.UTC rolls 2014-02-30 over to March; a rolled-over date is a typo, not a time.
  const check = new Date(t);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return null;
  return t;
}
