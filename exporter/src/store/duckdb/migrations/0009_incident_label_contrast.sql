-- RCA's label contrast (issue 7): the label values of an incident's symptom that carry more
-- of its events during the incident than before it, from its latest analysis, replaced as
-- a whole with the incident's causes. Shares are 0..1; `score` is the Adtributor surprise.
CREATE TABLE incident_label_contrast (
  incident_id BIGINT NOT NULL,
  rank INTEGER NOT NULL,
  label VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  incident_share DOUBLE NOT NULL,
  baseline_share DOUBLE NOT NULL,
  incident_count DOUBLE NOT NULL,
  baseline_count DOUBLE NOT NULL,
  score DOUBLE NOT NULL,
  z DOUBLE NOT NULL,
  PRIMARY KEY (incident_id, rank)
);
