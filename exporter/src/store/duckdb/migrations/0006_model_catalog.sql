-- The model catalog: one row per trained model instance (one model on one series), replaced
-- by each refit, and the training history, appended by every refit and every retrain request.
-- `id` is a short hash of (model, signal, service): stable across restarts and safe in a URL
-- (GET /api/v1/models, POST /api/v1/models/:id/retrain). Parameters are JSON text, like
-- model_state. Quality is measured out of sample at training time: `mase` is the one-step
-- error of the held-out walk over the in-sample seasonal-naive error; `brier` the breach
-- calibration's score at the shortest horizon (NULL until it has resolved outcomes).
-- Both tables are audit-like: retention never touches them.
CREATE TABLE model_catalog (
  id VARCHAR PRIMARY KEY,
  model VARCHAR NOT NULL,
  signal VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  params VARCHAR NOT NULL,
  trained_at TIMESTAMP NOT NULL,
  samples INTEGER NOT NULL,
  mase DOUBLE,
  brier DOUBLE,
  reason VARCHAR NOT NULL,
  UNIQUE (model, signal, service)
);

-- `event` is 'fitted' (a new version) or 'retrain_requested' (POST …/retrain, with its actor);
-- `reason` why: initial, refit (its schedule, or a restart), drift, manual.
CREATE TABLE model_training_history (
  model_id VARCHAR NOT NULL,
  model VARCHAR NOT NULL,
  signal VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  happened_at TIMESTAMP NOT NULL,
  event VARCHAR NOT NULL CHECK (event IN ('fitted', 'retrain_requested')),
  reason VARCHAR NOT NULL,
  actor VARCHAR,
  detail VARCHAR,
  samples INTEGER,
  mase DOUBLE,
  brier DOUBLE
);
CREATE INDEX model_training_history_model ON model_training_history (model_id);
