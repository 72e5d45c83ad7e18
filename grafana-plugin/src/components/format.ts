/** Three significant digits, whole numbers from 1000, and a dash for nothing (null, NaN). */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) {
    return '–';
  }
  return Math.abs(value) >= 1000 || value === 0 ? String(Math.round(value)) : value.toPrecision(3);
}
