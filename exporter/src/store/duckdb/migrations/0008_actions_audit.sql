-- Actions, feedback and audit (issue 8).

-- The audit trail (DESIGN Decision 10): one row per state-changing call, appended and never
-- updated or deleted — retention (retention-store.ts) names the tables it prunes and this is
-- not one of them. `parameters` is the call's JSON, as VARCHAR (opaque to SQL, no extension).
CREATE SEQUENCE audit_id_seq START 1;
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
  ts TIMESTAMP NOT NULL,
  actor VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  target VARCHAR,
  parameters VARCHAR NOT NULL,
  result VARCHAR NOT NULL,
  duration_ms DOUBLE NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (ts);

-- Who acknowledged an anomaly, and when; the first acknowledgement stands.
CREATE TABLE anomaly_acks (
  anomaly_id BIGINT PRIMARY KEY,
  actor VARCHAR NOT NULL,
  ts TIMESTAMP NOT NULL
);

-- Operator verdicts on anomalies. The series and model are copied from the anomaly so the
-- feedback (precision, the false-positive rule) outlives the anomaly's own retention.
CREATE SEQUENCE feedback_id_seq START 1;
CREATE TABLE anomaly_feedback (
  id BIGINT PRIMARY KEY DEFAULT nextval('feedback_id_seq'),
  anomaly_id BIGINT NOT NULL,
  signal VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  model VARCHAR NOT NULL,
  verdict VARCHAR NOT NULL CHECK (verdict IN ('true_positive', 'false_positive')),
  note VARCHAR NOT NULL,
  actor VARCHAR NOT NULL,
  ts TIMESTAMP NOT NULL
);

-- Action executions, keyed for idempotency by (action, Idempotency-Key): a repeat within
-- the window finds the row and returns its result instead of running again.
CREATE TABLE action_executions (
  id VARCHAR PRIMARY KEY,
  action_id VARCHAR NOT NULL,
  idempotency_key VARCHAR NOT NULL,
  target_kind VARCHAR NOT NULL CHECK (target_kind IN ('anomaly', 'incident')),
  target_id VARCHAR NOT NULL,
  params VARCHAR NOT NULL,
  requested_by VARCHAR NOT NULL,
  requested_at TIMESTAMP NOT NULL,
  state VARCHAR NOT NULL
    CHECK (state IN ('pending_approval', 'running', 'success', 'failure', 'timeout', 'refused')),
  approved_by VARCHAR,
  finished_at TIMESTAMP,
  result VARCHAR,
  error VARCHAR
);
CREATE INDEX action_executions_key ON action_executions (action_id, idempotency_key);
