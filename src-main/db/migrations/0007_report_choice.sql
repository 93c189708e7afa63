-- A held (older) report the user chose to use stays in use: `chosen_at` records when the user chose it
-- ('reports.decideHeld' activate). Which version is active is still recomputed from the rows
-- (db/reports.ts recomputeActive): the most recently chosen non-revoked report wins over every report imported
-- before that choice; a report imported after the choice wins when it is newer (received date, then version).

ALTER TABLE reports ADD COLUMN chosen_at TEXT;
