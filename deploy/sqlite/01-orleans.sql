-- BeMore: schema for Orleans 10.4.2 ADO.NET grain persistence on SQLite
-- (embedded mode; clustering is localhost and reminders are in memory there).
-- Orleans invariant "System.Data.SQLite", driver Microsoft.Data.Sqlite.
--
-- Applied at every start-up and by test fixtures as ONE command text, so every
-- statement must be safe to repeat. CREATE TABLE IF NOT EXISTS never alters an
-- existing table: later column changes need their own guarded migration.
--
-- Contract with the provider: it loads its SQL from OrleansQuery by key, binds
-- parameters by name (@Name) and reads result columns by name. ETags are
-- integer versions.

-- WAL lets readers proceed while one connection writes. The setting is stored
-- in the database file, so setting it once per start-up is enough. It must not
-- run inside a transaction, which is why nothing here opens one. (Waiting on a
-- locked database is per connection: Microsoft.Data.Sqlite retries for the
-- command timeout, "Default Timeout" in the connection string.)
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- A grain's state is identified by (ServiceId, GrainTypeString, GrainIdN0,
-- GrainIdN1, GrainIdExtensionString); the two hashes only narrow the search.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,      -- string keys and key extensions
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,      -- NULL after a clear
    ModifiedOn             TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,   -- UTC
    Version                INTEGER NOT NULL   -- the ETag
);

-- One row per grain state, so the insert path can use ON CONFLICT DO NOTHING.
-- SQLite treats NULLs in a unique index as distinct, so the extension is
-- indexed as (is-null flag, value-or-empty) to make NULL and '' different
-- keys that each occur once.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain
    ON OrleansStorage (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString,
                       GrainIdExtensionString IS NULL, IFNULL(GrainIdExtensionString, ''));

-- Queries. Re-running this script replaces their text.
-- "a IS b" is SQLite's NULL-safe equality.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Result: PayloadBinary (NULL = no state), Version. No row = never written.
('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString;
'),

-- One statement, so one write transaction: with a known ETag, the row is
-- inserted only to conflict with the stored one, which is updated if its
-- version still equals the ETag; without one, version 1 is inserted unless a
-- row exists (then the WHERE of the update fails). No row returned means the ETag
-- was stale and becomes InconsistentStateException. (Two statements were two
-- autocommitted transactions: each took the write lock of the file, even the one
-- whose condition could not match.)
('WriteToStorageKey', '
INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                            GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
       @GrainIdExtensionString, @ServiceId, @PayloadBinary, CURRENT_TIMESTAMP, 1
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM OrleansStorage
              WHERE GrainIdHash = @GrainIdHash
                AND GrainTypeHash = @GrainTypeHash
                AND ServiceId = @ServiceId
                AND GrainIdN0 = @GrainIdN0
                AND GrainIdN1 = @GrainIdN1
                AND GrainTypeString = @GrainTypeString
                AND GrainIdExtensionString IS @GrainIdExtensionString
                AND Version = @GrainStateVersion)
ON CONFLICT DO UPDATE
SET PayloadBinary = excluded.PayloadBinary,
    ModifiedOn = CURRENT_TIMESTAMP,
    Version = OrleansStorage.Version + 1
WHERE OrleansStorage.Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
'),

-- Clear keeps the row (payload NULL) and bumps the version, so the grain
-- keeps a valid ETag. Stale ETag -> no row -> InconsistentStateException.
('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = CURRENT_TIMESTAMP,
    Version = Version + 1
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
'),

-- Used instead of ClearStorageKey when DeleteStateOnClear = true. The value
-- returned only has to differ from the ETag sent to signal success.
('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
')

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
