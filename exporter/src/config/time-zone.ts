/**
 * The `timezone` setting: an IANA name, checked by the same Intl the findings format times
 * with, so a zone the config accepts is one Node can convert to (DST included).
 */
import { z } from 'zod';

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, {
    error: (issue) =>
      `unknown time zone ${JSON.stringify(issue.input)} (expected an IANA name such as Europe/Paris or UTC)`,
  })
  .default('UTC')
  .meta({
    description:
      'IANA time zone that daily patterns are reported in (GET /api/v1/insights: "peaks every day around 02:00"); daylight saving time included.',
  });
