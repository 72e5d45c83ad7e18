/**
 * Reading `/demo/incidents/:name` requests: the incident name from the path, the optional
 * `{ "service", "duration" }` body, the optional `?service=` on DELETE. Every rejection
 * names the field and the values that would have been accepted.
 */
import { formatDuration, parseDuration } from '../config/duration.js';
import { DemoHttpError } from './demo-errors.js';
import { INCIDENT_NAMES, isIncidentName, type IncidentName } from './incident-catalog.js';
import { isServiceName, SERVICE_NAMES, type ServiceName } from './topology.js';

/** Longer would look permanent to anyone watching; stop and restart to go on. */
export const MAX_INCIDENT_DEMO_MS = 7 * 86_400_000;
const BODY_FIELDS = ['service', 'duration'];

export function parseIncidentName(value: unknown): IncidentName {
  if (isIncidentName(value)) return value;
  throw new DemoHttpError(
    404,
    'unknown_incident',
    `no incident named "${String(value)}"; valid names: ${INCIDENT_NAMES.join(', ')}`,
    { valid: [...INCIDENT_NAMES] },
  );
}

export function parseService(value: unknown, field: string): ServiceName {
  if (isServiceName(value)) return value;
  const shown = typeof value === 'string' ? `"${value}"` : `a ${value === null ? 'null' : typeof value}`;
  throw new DemoHttpError(
    400,
    'invalid_field',
    `${field}: unknown service ${shown}; valid services: ${SERVICE_NAMES.join(', ')}`,
    { field, valid: [...SERVICE_NAMES] },
  );
}

/** Demo milliseconds from a Prometheus duration such as "3h" or "90m". */
export function parseIncidentDuration(value: unknown): number {
  const invalid = (why: string) =>
    new DemoHttpError(400, 'invalid_field', `duration: ${why}`, { field: 'duration' });
  if (typeof value !== 'string') throw invalid('expected a duration string such as "3h" or "90m"');
  let ms: number;
  try {
    ms = parseDuration(value);
  } catch {
    throw invalid(`"${value}" is not a duration (expected e.g. 30m, 3h, 1h30m)`);
  }
  if (ms <= 0) throw invalid('must be longer than 0');
  if (ms > MAX_INCIDENT_DEMO_MS) throw invalid(`must be at most ${formatDuration(MAX_INCIDENT_DEMO_MS)}`);
  return ms;
}

/** The POST body; absent or `{}` means the incident's defaults. */
export function parseStartBody(body: unknown): { service?: ServiceName; durationMs?: number } {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new DemoHttpError(400, 'invalid_field', 'body: expected a JSON object', { field: 'body' });
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !BODY_FIELDS.includes(key));
  if (unknown !== undefined)
    throw new DemoHttpError(
      400,
      'unknown_field',
      `${unknown}: unknown field (accepted: ${BODY_FIELDS.join(', ')})`,
      { field: unknown },
    );
  return {
    ...(record.service !== undefined ? { service: parseService(record.service, 'service') } : {}),
    ...(record.duration !== undefined ? { durationMs: parseIncidentDuration(record.duration) } : {}),
  };
}
