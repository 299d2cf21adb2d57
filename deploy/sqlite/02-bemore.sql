-- BeMore's own tables (SQLite, embedded profile): the same shape as deploy/postgres/02-bemore.sql.

CREATE TABLE IF NOT EXISTS bemore_session_events
(
    session_id TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    at_ms      INTEGER NOT NULL,
    key_id     TEXT    NULL,
    payload    BLOB    NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
