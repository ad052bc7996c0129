-- Person resolution across cases (SQLite). Kept in step with ../postgresql/V2__person_resolution.sql.

-- An investigator's decision that two records are, or are not, the same person. One row per pair
-- (record_a < record_b); judging a pair again replaces the verdict. Judgements override the model
-- on every later run.
CREATE TABLE judgement (
    id          INTEGER PRIMARY KEY,
    record_a    INTEGER NOT NULL,
    record_b    INTEGER NOT NULL,
    verdict     TEXT NOT NULL CHECK (verdict IN ('same_person', 'different_persons')),
    judged_by   INTEGER NOT NULL REFERENCES investigator(id),
    judged_at   TEXT NOT NULL,
    reason      TEXT,
    UNIQUE (record_a, record_b)
);

-- One row per resolution run over the store.
CREATE TABLE resolution_run (
    id          INTEGER PRIMARY KEY,
    run_by      INTEGER NOT NULL REFERENCES investigator(id),
    run_at      TEXT NOT NULL,
    records     INTEGER NOT NULL,
    persons     INTEGER NOT NULL,
    added       INTEGER NOT NULL,
    kept        INTEGER NOT NULL,
    withdrawn   INTEGER NOT NULL,
    report      TEXT NOT NULL
);

-- A person link a later run no longer supports (or a judgement contradicts) is withdrawn, not
-- deleted: alerts already sent name it.
ALTER TABLE link ADD COLUMN withdrawn_at TEXT;
CREATE INDEX link_person ON link(record_a, record_b) WHERE kind = 'person';
