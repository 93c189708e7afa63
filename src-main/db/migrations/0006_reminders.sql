-- Reminders (đôn đốc) sent to units that are late with a plan's report, and the saved cell map used to write
-- consolidated totals into a province-supplied workbook (indicator code -> sheet + cell address).

CREATE TABLE reminders (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  unit_id    INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  sent_on    TEXT NOT NULL,
  channel    TEXT NOT NULL DEFAULT 'letter' CHECK (channel IN ('letter', 'zalo', 'email', 'phone', 'other')),
  number     TEXT,
  note       TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX reminders_plan_unit_ix ON reminders (plan_id, unit_id, sent_on);

-- One map per plan; plan_id 0 holds the map last saved, offered for plans that have none yet. Codes starting
-- with '#' are tracking figures (#expected, #submitted, #onTime, #late, #missing).
CREATE TABLE upward_cell_maps (
  plan_id        INTEGER NOT NULL,
  indicator_code TEXT NOT NULL CHECK (length(indicator_code) BETWEEN 1 AND 40),
  sheet          TEXT NOT NULL CHECK (length(sheet) BETWEEN 1 AND 31),
  cell           TEXT NOT NULL CHECK (cell GLOB '[A-Z]*[0-9]*'),
  measure        TEXT NOT NULL DEFAULT 'total' CHECK (measure IN ('total', 'total2', 'target', 'rate')),
  PRIMARY KEY (plan_id, indicator_code, measure)
) STRICT, WITHOUT ROWID;
