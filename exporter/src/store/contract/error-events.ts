/**
 * Error events pushed by applications (the push source).
 */
export type EventSeverity = 'info' | 'warning' | 'error' | 'critical';

/** One error an application reported (push source): what failed, where, how badly, when. */
export interface ErrorEvent {
  service: string;
  /** The error's type, e.g. "TimeoutError". */
  type: string;
  severity: EventSeverity;
  timestampMs: number;
}

/** Error events of one service: how many fall in the counting range (possibly 0). */
export interface ErrorEventCount {
  service: string;
  count: number;
}

export interface ErrorEventStore {
  /** Resolves only once the batch is committed (DESIGN Decision 8). */
  writeErrorEvents(events: readonly ErrorEvent[]): Promise<void>;
  /**
   * Every service with an event in [activeSinceMs, toMs], with the number of its events in
   * (fromMs, toMs]; services that were active but have none in that range count 0.
   */
  countErrorEvents(query: {
    activeSinceMs: number;
    fromMs: number;
    toMs: number;
  }): Promise<ErrorEventCount[]>;
  /** One service's events in (fromMs, toMs] per value of `field`, for RCA's label contrast. */
  countErrorEventsBy(query: {
    service: string;
    field: 'type' | 'severity';
    fromMs: number;
    toMs: number;
  }): Promise<{ value: string; count: number }[]>;
}
