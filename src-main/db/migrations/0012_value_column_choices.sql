-- The value column a user picked for a unit's report layout: when a table offers several columns the values could come
-- from ("Kết quả thực hiện" over Quý I..IV | Cả năm) and the reader cannot tell which answers the period, the user picks
-- one once; the unit's next file with the same headers, for a plan of the same period, takes it without asking.
-- `layout_key`: the plan's period and the candidate columns' headers (folded, in order); `header`: the chosen
-- column's header as written.

CREATE TABLE value_column_choices (
  unit_id    INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  layout_key TEXT NOT NULL,
  header     TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, layout_key)
) STRICT, WITHOUT ROWID;
