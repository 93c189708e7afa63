-- Manual entry (a report phoned in or sent on paper, typed in by staff): such a version has channel 'manual' and
-- records how the unit sent it ("giấy", "điện thoại", "Zalo", "email"). NULL for imported files (their channel says it).

ALTER TABLE reports ADD COLUMN received_via TEXT CHECK (received_via IS NULL OR received_via IN ('paper', 'phone', 'zalo', 'email'));
