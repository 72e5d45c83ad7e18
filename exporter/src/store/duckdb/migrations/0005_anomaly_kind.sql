-- The anomaly's type (spike, dip, level_shift, trend_change, pattern_deviation), as the
-- detector named it; 'unknown' for rows written before this migration. DuckDB cannot add a
-- column with a NOT NULL constraint, so the default carries the meaning instead.
ALTER TABLE anomalies ADD COLUMN kind VARCHAR DEFAULT 'unknown';
UPDATE anomalies SET kind = 'unknown' WHERE kind IS NULL;
