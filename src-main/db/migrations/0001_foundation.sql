-- Foundation: organisation settings, the units register (a tree of base and upper unions) with aliases,
-- and the append-only audit log. Dates are ISO text; STRICT tables everywhere.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE units (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  kind        TEXT NOT NULL DEFAULT 'cdcs' CHECK (kind IN ('cdcs', 'nghiep_doan', 'cap_tren', 'khac')),
  parent_id   INTEGER REFERENCES units (id) ON DELETE RESTRICT,
  sector      TEXT,
  members     INTEGER CHECK (members IS NULL OR members >= 0),
  chair       TEXT,
  phone       TEXT,
  email       TEXT,
  address     TEXT,
  note        TEXT,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  active_from TEXT,
  active_to   TEXT,
  search_key  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE UNIQUE INDEX units_code_uq ON units (code COLLATE NOCASE);
CREATE INDEX units_parent_ix ON units (parent_id);

CREATE TABLE unit_aliases (
  id            INTEGER PRIMARY KEY,
  unit_id       INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  alias         TEXT NOT NULL,
  alias_folded  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX unit_aliases_uq ON unit_aliases (unit_id, alias_folded);
CREATE INDEX unit_aliases_folded_ix ON unit_aliases (alias_folded);

-- How many records refer to each unit; later migrations redefine it as tables that reference units appear.
CREATE VIEW unit_record_counts AS SELECT id AS unit_id, 0 AS n FROM units;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  summary    TEXT NOT NULL,
  details    TEXT CHECK (details IS NULL OR json_valid(details))
) STRICT;
CREATE INDEX audit_log_at_ix ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
