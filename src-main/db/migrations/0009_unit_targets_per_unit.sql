-- Per-unit targets (chỉ tiêu giao cho từng đơn vị): one number per plan x unit x indicator, given by hand or split
-- from the plan-wide target by members or equally. Absent = the unit has no own target (the template leaves it blank).

CREATE TABLE unit_targets (
  plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  unit_id      INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  target       REAL NOT NULL CHECK (target >= 0),
  source       TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'members', 'equal')),
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (plan_id, unit_id, indicator_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX unit_targets_indicator_ix ON unit_targets (plan_id, indicator_id);
