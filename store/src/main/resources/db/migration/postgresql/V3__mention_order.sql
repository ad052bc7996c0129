-- OpenCETS schema version 3: a mention's place among its record's mentions. The importer writes a
-- chunk's mentions in identifier order (cheaper B-tree inserts), so the order a record named its
-- identifiers in is kept here. Mentions written before version 3 have 0 and keep their row order.
ALTER TABLE mention ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
