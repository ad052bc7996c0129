-- OpenCETS system of record, version 1 (SQLite). Kept in step with ../postgresql/V1__system_of_record.sql.
CREATE TABLE agency (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    region      TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE investigator (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    agency_id   INTEGER NOT NULL REFERENCES agency(id),
    roles       TEXT NOT NULL,
    contact     TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE case_file (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agency(id),
    number      TEXT NOT NULL,
    title       TEXT NOT NULL,
    sharing     TEXT NOT NULL CHECK (sharing IN ('agency', 'network')),
    lead_id     INTEGER NOT NULL REFERENCES investigator(id),
    created_at  TEXT NOT NULL,
    UNIQUE (agency_id, number)
);
CREATE INDEX case_file_number ON case_file(number);

CREATE TABLE evidence (
    sha256      TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    stored_at   TEXT NOT NULL
);

CREATE TABLE import_run (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES case_file(id),
    evidence_sha256  TEXT NOT NULL REFERENCES evidence(sha256),
    file_name        TEXT NOT NULL,
    format           TEXT NOT NULL,
    imported_by      INTEGER NOT NULL REFERENCES investigator(id),
    imported_at      TEXT NOT NULL,
    reason           TEXT,
    records          INTEGER NOT NULL,
    rejected         INTEGER NOT NULL,
    identifiers      INTEGER NOT NULL,
    links            INTEGER NOT NULL,
    alerts           INTEGER NOT NULL,
    report           TEXT NOT NULL,
    UNIQUE (case_id, evidence_sha256)
);

CREATE TABLE record (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL,
    import_id    INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    line         INTEGER NOT NULL,
    byte_offset  INTEGER NOT NULL,
    occurred_at  TEXT,
    data         TEXT NOT NULL
);
CREATE INDEX record_case ON record(case_id);

CREATE TABLE identifier (
    id            INTEGER PRIMARY KEY,
    type          TEXT NOT NULL,
    value         TEXT NOT NULL,
    display       TEXT NOT NULL,
    correlatable  INTEGER NOT NULL,
    common        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (type, value)
);

CREATE TABLE mention (
    record_id      INTEGER NOT NULL,
    identifier_id  INTEGER NOT NULL,
    case_id        INTEGER NOT NULL,
    role           TEXT NOT NULL,
    raw            TEXT,
    field          TEXT NOT NULL,
    start_pos      INTEGER NOT NULL,
    end_pos        INTEGER NOT NULL
);
CREATE INDEX mention_identifier ON mention(identifier_id, case_id);
CREATE INDEX mention_record ON mention(record_id);

-- One row per identifier per case: what correlation and look-up read first.
CREATE TABLE identifier_case (
    identifier_id  INTEGER NOT NULL,
    case_id        INTEGER NOT NULL,
    mentions       INTEGER NOT NULL,
    first_record   INTEGER NOT NULL,
    first_role     TEXT NOT NULL,
    PRIMARY KEY (identifier_id, case_id)
) WITHOUT ROWID;

CREATE TABLE link (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    identifier_id  INTEGER,
    case_a         INTEGER NOT NULL,
    record_a       INTEGER NOT NULL,
    role_a         TEXT NOT NULL,
    case_b         INTEGER NOT NULL,
    record_b       INTEGER NOT NULL,
    role_b         TEXT NOT NULL,
    strength       REAL NOT NULL,
    evidence       TEXT NOT NULL,
    import_id      INTEGER,
    created_at     TEXT NOT NULL,
    judgement      TEXT,
    UNIQUE (kind, identifier_id, case_a, case_b)
);
CREATE INDEX link_case_a ON link(case_a);
CREATE INDEX link_case_b ON link(case_b);

CREATE TABLE alert (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL,
    other_case_id  INTEGER NOT NULL,
    link_id        INTEGER NOT NULL,
    import_id      INTEGER,
    created_at     TEXT NOT NULL,
    message        TEXT NOT NULL
);
CREATE INDEX alert_case ON alert(case_id);

CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    case_id     INTEGER,
    target      TEXT,
    reason      TEXT,
    outcome     TEXT NOT NULL,
    detail      TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

CREATE TABLE setting (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
