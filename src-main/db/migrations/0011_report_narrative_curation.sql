-- The báo cáo's condensed narrative as staff curated it, per plan: which proposed sentences of the units' narratives
-- go into each section, edited and in their order (unticked ones are kept so they can be ticked again), and whether
-- the units' full texts go to an appendix. No row for a plan: the report uses the app's proposal as it stands.
CREATE TABLE narrative_curations (
  plan_id       INTEGER PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  full_appendix INTEGER NOT NULL DEFAULT 0 CHECK (full_appendix IN (0, 1)),
  saved_at      TEXT NOT NULL
) STRICT;

CREATE TABLE narrative_curation_items (
  plan_id  INTEGER NOT NULL REFERENCES narrative_curations (plan_id) ON DELETE CASCADE,
  section  TEXT NOT NULL CHECK (section IN ('results', 'practices', 'limits', 'proposals', 'other')),
  position INTEGER NOT NULL CHECK (position >= 0),
  selected INTEGER NOT NULL CHECK (selected IN (0, 1)),
  -- the sentence as it will be printed (edited or not) and the proposal it came from ('' for a sentence typed in)
  text     TEXT NOT NULL,
  proposed TEXT NOT NULL DEFAULT '',
  -- JSON array of { code, name } of the units the sentence is attributed to
  units    TEXT NOT NULL CHECK (json_valid(units)),
  PRIMARY KEY (plan_id, section, position)
) STRICT, WITHOUT ROWID;
