-- 5-minute rollups of the raw samples (DESIGN Decision 7): raw samples are kept
-- `store.rawRetention`, these `store.retention`, so long history stays cheap to keep and read.
-- One row per (series, bucket); `sum` rather than an average so buckets can be merged
-- into coarser ones exactly (avg = sum / count). `last` is the value at `last_at`.
-- No index, like samples: the rollup job replaces whole time ranges and reads are by time,
-- both pruned by DuckDB's zonemaps.
CREATE TABLE sample_rollups (
  series_id INTEGER NOT NULL,
  bucket TIMESTAMP NOT NULL,
  count BIGINT NOT NULL,
  min DOUBLE NOT NULL,
  max DOUBLE NOT NULL,
  sum DOUBLE NOT NULL,
  last DOUBLE NOT NULL,
  last_at TIMESTAMP NOT NULL
);

-- Where the rollup job stands, in one row. Every bucket before `rolled_until` is rolled
-- up. A sample written later for an earlier time (a late push, a Prometheus backfill)
-- lowers `dirty_from` in the same transaction, and the next run rolls up again from there,
-- so the rollups never miss a committed sample, even across a crash. Raw samples before
-- `raw_kept_from` are gone (retention), so buckets before it are final and never redone.
CREATE TABLE rollup_progress (
  rolled_until TIMESTAMP,
  dirty_from TIMESTAMP,
  raw_kept_from TIMESTAMP
);
INSERT INTO rollup_progress VALUES (NULL, NULL, NULL);
