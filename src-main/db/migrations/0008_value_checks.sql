-- Value checks and sending a report back: a unit's earlier values are looked up by unit (the checks' history, one
-- lookup per imported file), and each request to a unit to correct a report ("đề nghị sửa") is recorded against
-- that report version; a newer version of the unit's report answers it.

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
