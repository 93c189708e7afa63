-- A revision number per report, raised by SQLite itself whenever one of its values changes after the report was
-- written (a value edited, added by hand or removed), so a cache of a plan's values (db/plan-values.ts) can tell
-- which reports to read again. An import writes a report's values together with the report, under a new id, with
-- edited = 0: those inserts do not fire the insert trigger, so imports pay nothing for it.
ALTER TABLE reports ADD COLUMN values_rev INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER report_values_changed_rev AFTER UPDATE ON report_values
BEGIN
  UPDATE reports SET values_rev = values_rev + 1 WHERE id IN (OLD.report_id, NEW.report_id);
END;

CREATE TRIGGER report_values_added_rev AFTER INSERT ON report_values WHEN NEW.edited = 1
BEGIN
  UPDATE reports SET values_rev = values_rev + 1 WHERE id = NEW.report_id;
END;

CREATE TRIGGER report_values_removed_rev AFTER DELETE ON report_values
BEGIN
  UPDATE reports SET values_rev = values_rev + 1 WHERE id = OLD.report_id;
END;
