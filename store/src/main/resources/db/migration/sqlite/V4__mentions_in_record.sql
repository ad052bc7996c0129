-- OpenCETS schema version 4: a record keeps its own mentions, and the per-case summary keeps what
-- look-up shows of them. Kept in step with ../postgresql/V4__mentions_in_record.sql.
--
-- Before, every mention was a row of its own with two indexes: three B-tree entries per mention,
-- the largest share of an import's writes, and for a small import into a large store a dirtied page
-- per mention of a known identifier. Nothing read mentions by identifier except look-up's roles and
-- spellings, which now live in identifier_case; everything else reads a record's mentions with the
-- record.
--
-- record.mentions: a JSON array, in the order the record named its identifiers, of
--   [identifier_id, role, field, start, end]           or, when the record wrote the identifier
--   [identifier_id, role, field, start, end, raw]      otherwise than its display, with that spelling;
-- NULL for a record without mentions.
-- identifier_case.roles: the distinct roles of the identifier's mentions in the case, a sorted JSON array.
-- identifier_case.spellings: the first 20 distinct spellings (sorted) that differ from the display,
-- a JSON array, or NULL when there are none.
-- Roles and spellings are in code-point order (SQLite's BINARY collation), as the importer keeps them.
--
-- On a large store this rewrites every record once, in one transaction: the write-ahead log grows
-- to about the size of the record table while it runs, and the file keeps the freed mention pages
-- for reuse (VACUUM gives them back to the file system).
ALTER TABLE record ADD COLUMN mentions TEXT;

UPDATE record SET mentions = (
    SELECT json_group_array(
               CASE WHEN m.raw IS NULL THEN json_array(m.identifier_id, m.role, m.field, m.start_pos, m.end_pos)
                    ELSE json_array(m.identifier_id, m.role, m.field, m.start_pos, m.end_pos, m.raw) END
               ORDER BY m.ord, m.rowid)
    FROM mention m WHERE m.record_id = record.id)
WHERE EXISTS (SELECT 1 FROM mention m WHERE m.record_id = record.id);

-- the summaries read each (identifier, case)'s roles and spellings from an index that holds them,
-- made in one sorted pass, rather than fetching every mention row twice
CREATE INDEX mention_summary ON mention(identifier_id, case_id, role, raw);

ALTER TABLE identifier_case ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
ALTER TABLE identifier_case ADD COLUMN spellings TEXT;

UPDATE identifier_case SET
    roles = (SELECT json_group_array(role ORDER BY role)
             FROM (SELECT DISTINCT m.role FROM mention m
                   WHERE m.identifier_id = identifier_case.identifier_id AND m.case_id = identifier_case.case_id)),
    spellings = NULLIF((SELECT json_group_array(raw ORDER BY raw)
                        FROM (SELECT DISTINCT m.raw FROM mention m
                              WHERE m.identifier_id = identifier_case.identifier_id AND m.case_id = identifier_case.case_id
                                AND m.raw IS NOT NULL
                              ORDER BY m.raw LIMIT 20)), '[]');

DROP INDEX mention_summary;
DROP INDEX mention_identifier;
DROP INDEX mention_record;
DROP TABLE mention;
