-- Plans register and indicator catalog: indicators (chỉ tiêu) with group, unit, optional second measure and
-- aggregation; plans (kế hoạch) with basis, targets per indicator, assigned units and the source document.

CREATE TABLE indicators (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
  group_code   TEXT NOT NULL,
  group_label  TEXT NOT NULL,
  label        TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 500),
  label_folded TEXT NOT NULL,
  unit         TEXT,
  unit2        TEXT,
  aggregation  TEXT NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum', 'avg', 'max', 'percent', 'text')),
  sort_order   INTEGER NOT NULL DEFAULT 0,
  retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  note         TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX indicators_code_uq ON indicators (code COLLATE NOCASE);
CREATE INDEX indicators_label_ix ON indicators (label_folded);

CREATE TABLE documents (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  sha256     TEXT NOT NULL,
  bytes      BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX documents_sha_ix ON documents (sha256);

CREATE TABLE plans (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL DEFAULT 'dot_dan_van' CHECK (kind IN ('dot_dan_van', 'dan_van_kheo', 'khac')),
  status           TEXT NOT NULL DEFAULT 'du_thao' CHECK (status IN ('du_thao', 'ban_hanh', 'dang_thuc_hien', 'da_tong_ket')),
  origin           TEXT NOT NULL DEFAULT 'own' CHECK (origin IN ('own', 'received')),
  document_type    TEXT,
  number           TEXT,
  issued_on        TEXT,
  place            TEXT,
  issuer           TEXT,
  parent_issuer    TEXT,
  title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  search_key       TEXT NOT NULL,
  period_label     TEXT,
  starts_on        TEXT,
  ends_on          TEXT,
  report_due_on    TEXT,
  signer_authority TEXT,
  signer_title     TEXT,
  signer_name      TEXT,
  recipients       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
  assignment       TEXT NOT NULL DEFAULT 'all_base' CHECK (assignment IN ('all_base', 'group', 'picked')),
  assignment_group TEXT,
  document_id      INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  note             TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
) STRICT;
CREATE INDEX plans_due_ix ON plans (report_due_on);

CREATE TABLE plan_basis (
  id            INTEGER PRIMARY KEY,
  plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  text          TEXT NOT NULL,
  number        TEXT,
  issued_on     TEXT,
  issuer        TEXT,
  basis_plan_id INTEGER REFERENCES plans (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX plan_basis_plan_ix ON plan_basis (plan_id);

CREATE TABLE plan_targets (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE RESTRICT,
  position     INTEGER NOT NULL,
  scope        TEXT NOT NULL DEFAULT 'total' CHECK (scope IN ('total', 'per_unit')),
  target_min   REAL,
  target_max   REAL,
  target_text  TEXT,
  CHECK (target_max IS NULL OR target_min IS NULL OR target_max >= target_min)
) STRICT;
CREATE UNIQUE INDEX plan_targets_uq ON plan_targets (plan_id, indicator_id);
CREATE INDEX plan_targets_indicator_ix ON plan_targets (indicator_id);

CREATE TABLE plan_units (
  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  PRIMARY KEY (plan_id, unit_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX plan_units_unit_ix ON plan_units (unit_id);

DROP VIEW unit_record_counts;
CREATE VIEW unit_record_counts AS
  SELECT unit_id, COUNT(*) AS n FROM plan_units GROUP BY unit_id;

-- Units with an active report per plan; redefined when the reports tables arrive.
CREATE VIEW plan_submitted_counts AS SELECT id AS plan_id, 0 AS n FROM plans;
