import { dateTimeFormat } from '@grafana/data';

/** An API time (RFC 3339) the way every Omen table shows it; a dash for none. */
export function formatTime(iso: string | null, timeZone?: string): string {
  return iso ? dateTimeFormat(iso, { format: 'YYYY-MM-DD HH:mm:ss', timeZone }) : '–';
}
