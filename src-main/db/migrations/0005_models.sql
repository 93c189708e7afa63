-- "Dân vận khéo" models register: each unit's registered models (mô hình / điển hình) per year with the nine
-- registration fields, current step (1–4) with the date each step was reached, dated evidence files kept in
-- documents, 6-month and year-end reviews, status, recognition and awards. Coverage is a query, never a counter.

CREATE TABLE models (
  id                INTEGER PRIMARY KEY,
  unit_id           INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  plan_id           INTEGER REFERENCES plans (id) ON DELETE SET NULL,
  year              INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  started_year      INTEGER NOT NULL CHECK (started_year BETWEEN 1990 AND 2100),
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  type              TEXT NOT NULL CHECK (type IN ('mo_hinh', 'dien_hinh_tap_the', 'dien_hinh_ca_nhan')),
  field             TEXT NOT NULL CHECK (field IN ('kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_cong_doan')),
  registered_on     TEXT NOT NULL CHECK (registered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  situation         TEXT,
  goals             TEXT,
  method            TEXT,
  scope             TEXT,
  forces            TEXT,
  resources         TEXT,
  outputs           TEXT,
  sustainability    TEXT,
  person            TEXT,
  phone             TEXT,
  step              INTEGER NOT NULL DEFAULT 1 CHECK (step BETWEEN 1 AND 4),
  status            TEXT NOT NULL DEFAULT 'dang_ky'
                    CHECK (status IN ('dang_ky', 'dang_thuc_hien', 'de_nghi_cong_nhan', 'duoc_cong_nhan', 'nhan_rong', 'dung')),
  proposed_level    TEXT CHECK (proposed_level IS NULL OR proposed_level IN ('co_so', 'cap_tren', 'tinh')),
  recognition_level TEXT CHECK (recognition_level IS NULL OR recognition_level IN ('co_so', 'cap_tren', 'tinh')),
  recognized_on     TEXT,
  mid_review        TEXT,
  mid_review_on     TEXT,
  end_review        TEXT,
  end_review_on     TEXT,
  awards            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(awards)),
  note              TEXT,
  search_key        TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (started_year <= year),
  CHECK (status NOT IN ('duoc_cong_nhan', 'nhan_rong') OR (recognition_level IS NOT NULL AND recognized_on IS NOT NULL))
) STRICT;
CREATE INDEX models_year_unit_ix ON models (year, unit_id);
CREATE INDEX models_unit_ix ON models (unit_id);
CREATE INDEX models_plan_ix ON models (plan_id);

-- The date each step (1 xác định mục tiêu, 2 triển khai, 3 kiểm tra, 4 sơ kết/nhân rộng) was reached.
CREATE TABLE model_steps (
  model_id   INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  step       INTEGER NOT NULL CHECK (step BETWEEN 1 AND 4),
  reached_on TEXT NOT NULL,
  note       TEXT,
  PRIMARY KEY (model_id, step)
) STRICT, WITHOUT ROWID;

-- Dated evidence files (biên bản, ảnh, kế hoạch...) attached to a model at a step; bytes live in documents.
CREATE TABLE model_evidence (
  id          INTEGER PRIMARY KEY,
  model_id    INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  step        INTEGER NOT NULL CHECK (step BETWEEN 1 AND 4),
  on_date     TEXT NOT NULL,
  note        TEXT,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX model_evidence_model_ix ON model_evidence (model_id);

DROP VIEW unit_record_counts;
CREATE VIEW unit_record_counts AS
  SELECT unit_id, COUNT(*) AS n FROM (
    SELECT unit_id FROM plan_units UNION ALL SELECT unit_id FROM reports UNION ALL SELECT unit_id FROM models
  ) GROUP BY unit_id;
