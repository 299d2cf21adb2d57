-- Each user's sessions (the list, the dashboard's recent sessions) and the running totals of ended ones, a row each,
-- written through the group commit: a create adds one row instead of rewriting the user's whole index. entry and
-- totals are JSON sealed with AES-256-GCM (titles are the user's words); key_id names the key. Idempotent like 02.
CREATE TABLE IF NOT EXISTS bemore_session_index
(
    user_id       varchar(64) NOT NULL,
    session_id    varchar(64) NOT NULL,
    started_at_ms bigint NOT NULL,
    key_id        varchar(64) NOT NULL,
    entry         bytea NOT NULL,
    PRIMARY KEY (user_id, session_id)
);

CREATE TABLE IF NOT EXISTS bemore_session_totals
(
    user_id varchar(64) PRIMARY KEY,
    key_id  varchar(64) NOT NULL,
    totals  bytea NOT NULL
);
