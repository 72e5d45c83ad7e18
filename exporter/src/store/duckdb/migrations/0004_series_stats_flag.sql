-- Per-series first/last sample and count (`series`) are kept in memory while the store is
-- open and written back periodically and at close, not by every batch (that UPDATE cost
-- more than the batch itself). `stats_clean` is false while a process has the file open:
-- an open that finds it false (a crash) recounts them from `samples`. It starts false,
-- so a store written before this migration is recounted once.
CREATE TABLE store_state (
  stats_clean BOOLEAN NOT NULL
);
INSERT INTO store_state VALUES (false);
