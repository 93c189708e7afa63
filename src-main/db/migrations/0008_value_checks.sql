-- Value checks and sending a report back: a unit's earlier values are looked up by unit (the checks' history, one
-- lookup per imported file); each request to a unit to correct a report ("đề nghị sửa") is recorded against that
-- report version (a newer version of the unit's report answers it); and the catalog's rules per indicator.

CREATE INDEX reports_unit_ix ON reports (unit_id, status);

CREATE TABLE correction_requests (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  sent_on    TEXT NOT NULL,
  channel    TEXT NOT NULL DEFAULT 'letter' CHECK (channel IN ('letter', 'zalo', 'email', 'phone', 'other')),
  number     TEXT,
  problems   INTEGER NOT NULL CHECK (problems >= 0),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX correction_requests_report_ix ON correction_requests (report_id);

-- Rules per indicator in the catalog, edited by staff and applied by the value checks: a minimum and a maximum, whole
-- numbers only, and required (a report without it is told so).
ALTER TABLE indicators ADD COLUMN rule_min REAL;
ALTER TABLE indicators ADD COLUMN rule_max REAL;
ALTER TABLE indicators ADD COLUMN rule_integer INTEGER NOT NULL DEFAULT 0 CHECK (rule_integer IN (0, 1));
ALTER TABLE indicators ADD COLUMN rule_required INTEGER NOT NULL DEFAULT 0 CHECK (rule_required IN (0, 1));

-- Same period last year: a plan copied from last year's (or linked by hand) names it, so consolidation and the exports
-- show last year's total per indicator and the change ("so với cùng kỳ").
ALTER TABLE plans ADD COLUMN previous_plan_id INTEGER REFERENCES plans (id) ON DELETE SET NULL;
