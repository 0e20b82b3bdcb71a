-- Orleans ADO.NET grain persistence for the embedded SQLite database.
--
-- Microsoft.Orleans.Persistence.AdoNet reads its SQL from the table OrleansQuery:
--   ReadFromStorageKey  -> columns PayloadBinary, Version (no row: the grain has no state yet)
--   WriteToStorageKey   -> column NewGrainStateVersion (no row: a concurrency conflict)
--   ClearStorageKey     -> column NewGrainStateVersion (no row: a concurrency conflict)
-- with the parameters @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString, @ServiceId, @PayloadBinary and @GrainStateVersion (null on a first write).
--
-- The silo applies this script at every start; every statement is idempotent.

PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL,
    GrainIdHash            INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    PayloadBinary          BLOB,
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
) WITHOUT ROWID;

-- A grain without a string key has a null extension; it is stored as '' so that the primary key holds.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''');
');

-- Optimistic concurrency: a first write (@GrainStateVersion null) only inserts; a later write only
-- updates the row whose Version is the one the grain read. Anything else returns no row.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
     GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
VALUES
    (@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''),
     @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''))
ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
SET PayloadBinary = excluded.PayloadBinary,
    Version = OrleansStorage.Version + 1,
    ModifiedOn = excluded.ModifiedOn
WHERE OrleansStorage.Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    Version = Version + 1,
    ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
');
