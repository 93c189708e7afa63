-- A revision number for what the value checks read besides the reports (the units, the indicator catalog with its
-- rules, the plans' targets), raised by SQLite itself on every change to those tables, so the checks of a plan can be
-- kept across changes that touch none of their inputs (a reminder recorded, a model edited): with the reports' own
-- revisions (plan_data_revisions, 0014) it names everything the checks read. Rows are never removed: it only grows.
CREATE TABLE data_revisions (
  name TEXT PRIMARY KEY,
  rev  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TRIGGER units_added_rev AFTER INSERT ON units
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER units_changed_rev AFTER UPDATE ON units
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER units_removed_rev AFTER DELETE ON units
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;

CREATE TRIGGER indicators_added_rev AFTER INSERT ON indicators
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER indicators_changed_rev AFTER UPDATE ON indicators
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER indicators_removed_rev AFTER DELETE ON indicators
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;

CREATE TRIGGER plan_targets_added_rev AFTER INSERT ON plan_targets
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER plan_targets_changed_rev AFTER UPDATE ON plan_targets
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER plan_targets_removed_rev AFTER DELETE ON plan_targets
BEGIN
  INSERT INTO data_revisions (name, rev) VALUES ('catalog', 1) ON CONFLICT (name) DO UPDATE SET rev = rev + 1;
END;
