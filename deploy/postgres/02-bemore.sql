-- BeMore's own tables (PostgreSQL). Idempotent: applied at every start-up and by the test fixture.

-- The session event log: every fact of a session, appended once per (session_id, seq).
-- payload is the event's JSON sealed with AES-256-GCM; key_id names the key that sealed it, so keys can rotate.
-- at_ms is Unix epoch milliseconds (UTC), the same representation in both profiles.
CREATE TABLE IF NOT EXISTS bemore_session_events
(
    session_id varchar(64) NOT NULL,
    seq        bigint      NOT NULL,
    type       varchar(64) NOT NULL,
    at_ms      bigint      NOT NULL,
    dedup_key  varchar(128) NULL,
    key_id     varchar(64) NOT NULL,
    payload    bytea       NOT NULL,
    CONSTRAINT pk_bemore_session_events PRIMARY KEY (session_id, seq)
);
-- A client's segment id (or another producer's key) identifies one event per session, so a retried input
-- finds the event it already made instead of appending a duplicate.
CREATE UNIQUE INDEX IF NOT EXISTS ux_bemore_session_events_dedup ON bemore_session_events (session_id, dedup_key);

-- The audit log: who did what to which target, when, from where, with what outcome. Never content.
CREATE TABLE IF NOT EXISTS bemore_audit
(
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id   varchar(64)  NULL,
    actor_id  varchar(64)  NULL,
    action    varchar(64)  NOT NULL,
    target_id varchar(64)  NULL,
    at_ms     bigint       NOT NULL,
    client_ip varchar(64)  NULL,
    outcome   varchar(16)  NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_bemore_audit_user ON bemore_audit (user_id, id);

-- Ended sessions and when they ended, for the retention sweep (BeMore:Retention:Days).
CREATE TABLE IF NOT EXISTS bemore_retention
(
    session_id  varchar(64) PRIMARY KEY,
    owner_id    varchar(64) NOT NULL,
    ended_at_ms bigint      NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_bemore_retention_ended ON bemore_retention (ended_at_ms);
