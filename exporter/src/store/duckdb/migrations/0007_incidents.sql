-- Incidents (issue 7): co-occurring anomalies grouped into one event with a state. An
-- incident is open until its series have been quiet for `incidents.quietPeriod`.
-- `symptom_*` names the series the incident is about (the one RCA explains); its member
-- series are in incident_anomalies.
CREATE SEQUENCE incident_id_seq START 1;
CREATE TABLE incidents (
  id BIGINT PRIMARY KEY DEFAULT nextval('incident_id_seq'),
  state VARCHAR NOT NULL CHECK (state IN ('open', 'resolved')),
  opened_at TIMESTAMP NOT NULL,
  last_anomaly_at TIMESTAMP NOT NULL,
  resolved_at TIMESTAMP,
  severity VARCHAR NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  symptom_signal VARCHAR NOT NULL,
  symptom_service VARCHAR NOT NULL
);
-- listIncidents pages newest first by (opened_at, id).
CREATE INDEX incidents_opened ON incidents (opened_at);

-- Which anomalies make up an incident. An anomaly belongs to one incident at most.
CREATE TABLE incident_anomalies (
  incident_id BIGINT NOT NULL,
  anomaly_id BIGINT NOT NULL,
  PRIMARY KEY (anomaly_id)
);

-- The incident's ranked causes from its latest RCA run, replaced as a whole by each run.
-- `evidence` is the ranker's evidence as JSON text (opaque to SQL, like model_state).
CREATE TABLE incident_causes (
  incident_id BIGINT NOT NULL,
  rank INTEGER NOT NULL,
  analysed_at TIMESTAMP NOT NULL,
  model VARCHAR NOT NULL,
  cause_signal VARCHAR NOT NULL,
  cause_service VARCHAR NOT NULL,
  score DOUBLE NOT NULL,
  evidence VARCHAR NOT NULL,
  PRIMARY KEY (incident_id, rank)
);
