-- Single trips and gifts left out of an annual report (issue 17), as a JSON array of IDs, kept
-- with the report's other choices so that it can be written again alike.
ALTER TABLE reports ADD COLUMN left_out_items TEXT NOT NULL DEFAULT '[]';
