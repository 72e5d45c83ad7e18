-- Omen's first schema. Times are TIMESTAMP (UTC, microseconds) written from Unix ms.

-- One row per (signal, service): the unit Omen models. Samples and anomalies point here by
-- id so the big tables carry a 4-byte integer instead of two strings per row. The sample
-- bookkeeping is kept up to date by each write so listSeries() needs no scan of samples.
CREATE SEQUENCE series_id_seq START 1;
CREATE TABLE series (
  id INTEGER PRIMARY KEY DEFAULT nextval('series_id_seq'),
  signal VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  first_sample_at TIMESTAMP,
  last_sample_at TIMESTAMP,
  sample_count BIGINT NOT NULL DEFAULT 0,
  UNIQUE (signal, service)
);

-- Raw samples, append-only through the Appender. Deliberately no index: DuckDB's ART
-- indexes serve point lookups, slow down bulk appends and must fit in memory, while the
-- time-range reads this table gets are pruned by DuckDB's per-row-group min/max zonemaps
-- (samples arrive roughly in time order, so those are tight).
CREATE TABLE samples (
  series_id INTEGER NOT NULL,
  ts TIMESTAMP NOT NULL,
  value DOUBLE NOT NULL
);

-- Scored anomalies. One row per (series, model, ts): re-scoring the same point updates it
-- in place and keeps its id, so ids handed to the API stay valid.
CREATE SEQUENCE anomaly_id_seq START 1;
CREATE TABLE anomalies (
  id BIGINT PRIMARY KEY DEFAULT nextval('anomaly_id_seq'),
  series_id INTEGER NOT NULL,
  ts TIMESTAMP NOT NULL,
  model VARCHAR NOT NULL,
  score DOUBLE NOT NULL,
  severity VARCHAR NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  value DOUBLE NOT NULL,
  expected DOUBLE NOT NULL,
  lower DOUBLE NOT NULL,
  upper DOUBLE NOT NULL,
  explanation VARCHAR NOT NULL,
  UNIQUE (series_id, model, ts)
);
-- queryAnomalies pages newest first by (ts, id).
CREATE INDEX anomalies_ts ON anomalies (ts);

-- What online models carry between cycles, one row per (model, signal, service), upserted.
-- VARCHAR rather than JSON: the state is opaque to SQL and VARCHAR needs no extension.
CREATE TABLE model_state (
  model VARCHAR NOT NULL,
  signal VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  state VARCHAR NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (model, signal, service)
);
