/**
 * What the rest of Omen may ask of the store. Only `store/duckdb/` speaks SQL; everything
 * else depends on these interfaces (and tests run them against a real DuckDB). One file per
 * part under contract/; the store as a whole, its options and its errors here.
 */
export * from './contract/samples.js';
export * from './contract/anomalies.js';
export * from './contract/models.js';
export * from './contract/error-events.js';
export * from './contract/audit.js';
export * from './contract/executions.js';
export * from './contract/maintenance.js';
export * from './contract/incidents.js';
export * from './contract/insights.js';

import type { AnomalyStore } from './contract/anomalies.js';
import type { AuditStore, FeedbackStore } from './contract/audit.js';
import type { ErrorEventStore } from './contract/error-events.js';
import type { ExecutionStore } from './contract/executions.js';
import type { IncidentStore } from './contract/incidents.js';
import type { InsightStore } from './contract/insights.js';
import type { MaintenanceStore } from './contract/maintenance.js';
import type { ModelCatalogStore, ModelStateStore } from './contract/models.js';
import type { SampleStore } from './contract/samples.js';

export interface Store
  extends
    SampleStore,
    AnomalyStore,
    ModelStateStore,
    ModelCatalogStore,
    ErrorEventStore,
    MaintenanceStore,
    IncidentStore,
    InsightStore,
    AuditStore,
    FeedbackStore,
    ExecutionStore {
  /** True while the store can serve (for /readyz). */
  isOpen(): boolean;
  /** Flushes and closes; safe to call twice. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** File path, or ':memory:'. */
  path: string;
  memoryLimit: string;
  threads: number;
}

/** The store file is held by another process: a one-line, actionable message. */
export class StoreLockedError extends Error {
  constructor(path: string, cause?: unknown) {
    super(
      `store ${path} is already in use by another Omen process; stop it or point store.path at another file`,
      { cause },
    );
    this.name = 'StoreLockedError';
  }
}

/** A pagination cursor this store did not hand out (or that was altered): the caller's error. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor: pass the nextCursor of a previous page unchanged');
    this.name = 'InvalidCursorError';
  }
}
