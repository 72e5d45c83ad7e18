-- Error events pushed by applications (POST /api/v1/ingest). The push source turns them
-- into per-service error-rate series each cycle; the rows themselves are kept so the rate
-- survives a restart and later analysis (RCA, the API) can see the error types.
-- Like samples: append-only through the Appender, no index (time-range reads are pruned
-- by DuckDB's zonemaps, and events arrive roughly in time order).
CREATE TABLE error_events (
  ts TIMESTAMP NOT NULL,
  service VARCHAR NOT NULL,
  type VARCHAR NOT NULL,
  severity VARCHAR NOT NULL CHECK (severity IN ('info', 'warning', 'error', 'critical'))
);
