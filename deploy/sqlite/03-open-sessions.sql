-- Sessions started and not yet ended, for the idle sweep (BeMore:Sessions:IdlePauseAfter, AbandonAfter). A session
-- is listed before its first event is written and unlisted when it ends or is erased. Idempotent like 02.
CREATE TABLE IF NOT EXISTS bemore_open_sessions
(
    session_id TEXT    PRIMARY KEY
);

-- One-time data migrations that have run, by name.
CREATE TABLE IF NOT EXISTS bemore_migrations
(
    name TEXT    PRIMARY KEY
);

-- Sessions started before the idle sweep were watched by a reminder each: list those that never ended, once.
INSERT INTO bemore_open_sessions (session_id)
SELECT DISTINCT e.session_id FROM bemore_session_events e
WHERE NOT EXISTS (SELECT 1 FROM bemore_migrations WHERE name = 'open-sessions')
  AND NOT EXISTS (SELECT 1 FROM bemore_session_events x WHERE x.session_id = e.session_id AND x.type = 'session_ended')
ON CONFLICT (session_id) DO NOTHING;
INSERT INTO bemore_migrations (name) VALUES ('open-sessions') ON CONFLICT (name) DO NOTHING;
