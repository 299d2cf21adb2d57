-- Each user's sessions (the list, the dashboard's recent sessions) and the running totals of ended ones, a row each,
-- written through the group commit: a create adds one row instead of rewriting the user's whole index. entry and
-- totals are JSON sealed with AES-256-GCM (titles are the user's words); key_id names the key. Idempotent like 02.
CREATE TABLE IF NOT EXISTS bemore_session_index
(
    user_id       TEXT NOT NULL,
    session_id    TEXT NOT NULL,
    started_at_ms INTEGER NOT NULL,
    key_id        TEXT NOT NULL,
    entry         BLOB NOT NULL,
    PRIMARY KEY (user_id, session_id)
);

CREATE TABLE IF NOT EXISTS bemore_session_totals
(
    user_id TEXT PRIMARY KEY,
    key_id  TEXT NOT NULL,
    totals  BLOB NOT NULL
);
