/**
 * Turns one validated ingest request into what the store keeps: samples of allowed
 * signals and error events, each with a resolved timestamp. Anything the store must not
 * take (an unknown signal, a time too far ahead or past the raw retention) rejects the
 * whole batch with the offending field named, so a client never gets a partial write.
 */
import type { ErrorEvent, EventSeverity } from '../../store/store.js';
import type { SeriesSample } from '../source.js';

/** RFC 3339 text, or Unix seconds. */
export type PushTimestamp = string | number;

/** The request body once it has the right shape (the API's contract checks that first). */
export interface PushBatch {
  samples: { signal: string; service: string; value: number; timestamp?: PushTimestamp }[];
  events: { service: string; type: string; severity: EventSeverity; timestamp?: PushTimestamp }[];
}

export interface ResolvedBatch {
  samples: SeriesSample[];
  events: ErrorEvent[];
}

export interface BatchRules {
  /** Signals pushed samples may carry. */
  signals: ReadonlySet<string>;
  /** The error-rate signal made from events: computed, never pushed directly. */
  eventSignal: string;
  /** Clients' clocks drift; further ahead than this is a bug, not drift. */
  maxFutureMs: number;
  /** Older than this would be removed by retention before it is ever read. */
  maxAgeMs: number;
}

/** The batch as a whole is refused because of one field (an API 400 naming it). */
export class IngestRejected extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'IngestRejected';
  }
}

export function resolveBatch(batch: PushBatch, rules: BatchRules, nowMs: number): ResolvedBatch {
  const samples = batch.samples.map((sample, index) => {
    checkSignal(sample.signal, index, rules);
    const timestampMs = resolveTime(sample.timestamp, 'samples', index, rules, nowMs);
    return { signal: sample.signal, service: sample.service, timestampMs, value: sample.value };
  });
  const events = batch.events.map((event, index) => ({
    service: event.service,
    type: event.type,
    severity: event.severity,
    timestampMs: resolveTime(event.timestamp, 'events', index, rules, nowMs),
  }));
  return { samples, events };
}

function checkSignal(signal: string, index: number, rules: BatchRules): void {
  if (signal !== rules.eventSignal && rules.signals.has(signal)) return;
  const field = `samples[${index}].signal`;
  if (signal === rules.eventSignal) {
    throw new IngestRejected(field, `"${signal}" is computed from error events; push events instead`);
  }
  if (!rules.signals.has(signal)) {
    const known = [...rules.signals].join(', ') || 'none';
    throw new IngestRejected(
      field,
      `"${signal}" is not a signal that lists this push source in its sources (those that do: ${known})`,
    );
  }
}

const timestampField = (list: string, index: number) => `${list}[${index}].timestamp`;

/** The field's name is spelled out only for a rejection: this runs for every sample. */
function resolveTime(
  value: PushTimestamp | undefined,
  list: 'samples' | 'events',
  index: number,
  rules: BatchRules,
  nowMs: number,
) {
  if (value === undefined) return nowMs;
  const ms = typeof value === 'number' ? Math.round(value * 1000) : Date.parse(value);
  if (!Number.isFinite(ms))
    throw new IngestRejected(timestampField(list, index), 'expected RFC 3339 time or Unix seconds');
  if (ms > nowMs + rules.maxFutureMs) {
    // A common slip: Date.now() sent where Unix seconds are expected lands in year ~55 000.
    const hint =
      typeof value === 'number' && value > 1e11 ? ' (Unix seconds expected, not milliseconds?)' : '';
    throw new IngestRejected(
      timestampField(list, index),
      `is more than ${rules.maxFutureMs / 1000}s in the future${hint}`,
    );
  }
  if (ms < nowMs - rules.maxAgeMs) {
    throw new IngestRejected(
      timestampField(list, index),
      'is older than the raw retention, so it would never be read',
    );
  }
  return ms;
}
