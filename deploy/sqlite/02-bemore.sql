-- BeMore's own tables (SQLite, embedded profile): the same shape as deploy/postgres/02-bemore.sql.

CREATE TABLE IF NOT EXISTS bemore_session_events
(
    session_id TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    at_ms      INTEGER NOT NULL,
    dedup_key  TEXT    NULL,
    key_id     TEXT    NOT NULL,
    payload    BLOB    NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS ux_bemore_session_events_dedup ON bemore_session_events (session_id, dedup_key);

CREATE TABLE IF NOT EXISTS bemore_audit
(
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id   TEXT    NULL,
    actor_id  TEXT    NULL,
    action    TEXT    NOT NULL,
    target_id TEXT    NULL,
    at_ms     INTEGER NOT NULL,
    client_ip TEXT    NULL,
    outcome   TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_bemore_audit_user ON bemore_audit (user_id, id);

CREATE TABLE IF NOT EXISTS bemore_retention
(
    session_id  TEXT    PRIMARY KEY,
    owner_id    TEXT    NOT NULL,
    ended_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_bemore_retention_ended ON bemore_retention (ended_at_ms);
