-- OpenCETS schema version 4: a record keeps its own mentions, and the per-case summary keeps what
-- look-up shows of them. Kept in step with ../sqlite/V4__mentions_in_record.sql, which explains the
-- layout. Roles and spellings are ordered by code point (COLLATE "C"), as the importer orders them;
-- look-up showed spellings in the database's collation before, so their order (and, past 20, which
-- are kept) may change.
ALTER TABLE record ADD COLUMN mentions TEXT;

UPDATE record r SET mentions = g.mentions
FROM (SELECT m.record_id,
             json_agg(CASE WHEN m.raw IS NULL THEN json_build_array(m.identifier_id, m.role, m.field, m.start_pos, m.end_pos)
                           ELSE json_build_array(m.identifier_id, m.role, m.field, m.start_pos, m.end_pos, m.raw) END
                      ORDER BY m.ord, m.ctid)::text AS mentions
      FROM mention m GROUP BY m.record_id) g
WHERE g.record_id = r.id;

ALTER TABLE identifier_case ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
ALTER TABLE identifier_case ADD COLUMN spellings TEXT;

UPDATE identifier_case c SET roles = r.roles, spellings = sp.spellings
FROM (SELECT identifier_id, case_id, json_agg(role ORDER BY role COLLATE "C")::text AS roles
      FROM (SELECT DISTINCT identifier_id, case_id, role FROM mention) d
      GROUP BY identifier_id, case_id) r
LEFT JOIN (SELECT identifier_id, case_id, json_agg(raw ORDER BY raw COLLATE "C")::text AS spellings
           FROM (SELECT identifier_id, case_id, raw,
                        row_number() OVER (PARTITION BY identifier_id, case_id ORDER BY raw COLLATE "C") AS n
                 FROM (SELECT DISTINCT identifier_id, case_id, raw FROM mention WHERE raw IS NOT NULL) d) ranked
           WHERE n <= 20
           GROUP BY identifier_id, case_id) sp ON sp.identifier_id = r.identifier_id AND sp.case_id = r.case_id
WHERE r.identifier_id = c.identifier_id AND r.case_id = c.case_id;

DROP TABLE mention;
