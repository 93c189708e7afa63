-- Unit reports and the import pipeline: every import batch, each report (plan x unit x version) with its
-- values and narrative, remembered label -> indicator mappings per unit. Counts are views, never counters.

CREATE TABLE import_batches (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  file_count INTEGER NOT NULL,
  status     TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'undone')),
  undone_at  TEXT,
  summary    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary))
) STRICT;

CREATE TABLE reports (
  id                INTEGER PRIMARY KEY,
  plan_id           INTEGER NOT NULL REFERENCES plans (id) ON DELETE RESTRICT,
  unit_id           INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  batch_id          INTEGER REFERENCES import_batches (id) ON DELETE RESTRICT,
  version           INTEGER NOT NULL CHECK (version >= 1),
  status            TEXT NOT NULL CHECK (status IN ('active', 'superseded', 'held', 'revoked')),
  received_on       TEXT NOT NULL,
  channel           TEXT NOT NULL DEFAULT 'file' CHECK (channel IN ('file', 'email', 'zalo', 'usb', 'paper', 'manual', 'other')),
  file_name         TEXT,
  file_sha256       TEXT,
  document_id       INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  reader            TEXT,
  title             TEXT,
  period_label      TEXT,
  unit_name_in_file TEXT,
  issues            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issues)),
  created_at        TEXT NOT NULL
) STRICT;
CREATE INDEX reports_plan_unit_ix ON reports (plan_id, unit_id, status);
CREATE INDEX reports_batch_ix ON reports (batch_id);
CREATE INDEX reports_hash_ix ON reports (plan_id, file_sha256);
CREATE UNIQUE INDEX reports_one_active_uq ON reports (plan_id, unit_id) WHERE status = 'active';

CREATE TABLE report_values (
  report_id    INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE RESTRICT,
  value_num    REAL,
  value_text   TEXT,
  value2_num   REAL,
  note         TEXT,
  source_cell  TEXT,
  edited       INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
  PRIMARY KEY (report_id, indicator_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX report_values_indicator_ix ON report_values (indicator_id);

CREATE TABLE report_narrative (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  heading   TEXT NOT NULL,
  text      TEXT NOT NULL
) STRICT;
CREATE INDEX report_narrative_report_ix ON report_narrative (report_id);

-- "This unit writes 'Tuyên truyền miệng' for CT01": remembered per unit (unit_id 0 = any unit).
CREATE TABLE label_mappings (
  unit_id      INTEGER NOT NULL,
  label_key    TEXT NOT NULL,
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (unit_id, label_key)
) STRICT, WITHOUT ROWID;

DROP VIEW plan_submitted_counts;
CREATE VIEW plan_submitted_counts AS
  SELECT plan_id, COUNT(DISTINCT unit_id) AS n FROM reports WHERE status = 'active' GROUP BY plan_id;

DROP VIEW unit_record_counts;
CREATE VIEW unit_record_counts AS
  SELECT unit_id, COUNT(*) AS n FROM (SELECT unit_id FROM plan_units UNION ALL SELECT unit_id FROM reports) GROUP BY unit_id;
