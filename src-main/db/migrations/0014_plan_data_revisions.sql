-- A revision number per plan, raised by SQLite itself on every change to the plan's reports (a report added, its
-- status, dates or issues changed, one of its values changed: that raises reports.values_rev, an update too), so a
-- result read from other plans' reports (a unit's history for the value checks: db/check-data.ts) can tell whether
-- it is still current by the sum of their revisions. Rows are never removed, so that sum only ever grows.
-- About 5 us per report imported.
CREATE TABLE plan_data_revisions (
  plan_id INTEGER PRIMARY KEY,
  rev     INTEGER NOT NULL
) STRICT;

CREATE TRIGGER reports_added_plan_rev AFTER INSERT ON reports
BEGIN
  INSERT INTO plan_data_revisions (plan_id, rev) VALUES (NEW.plan_id, 1) ON CONFLICT (plan_id) DO UPDATE SET rev = rev + 1;
END;

CREATE TRIGGER reports_changed_plan_rev AFTER UPDATE ON reports
BEGIN
  INSERT INTO plan_data_revisions (plan_id, rev) VALUES (OLD.plan_id, 1) ON CONFLICT (plan_id) DO UPDATE SET rev = rev + 1;
  INSERT INTO plan_data_revisions (plan_id, rev) VALUES (NEW.plan_id, 1) ON CONFLICT (plan_id) DO UPDATE SET rev = rev + 1;
END;

CREATE TRIGGER reports_removed_plan_rev AFTER DELETE ON reports
BEGIN
  INSERT INTO plan_data_revisions (plan_id, rev) VALUES (OLD.plan_id, 1) ON CONFLICT (plan_id) DO UPDATE SET rev = rev + 1;
END;
