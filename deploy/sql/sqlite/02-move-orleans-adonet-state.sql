-- Databases made before grain_state kept grain state in the table of Orleans' ADO.NET provider
-- (OrleansStorage, with its queries in OrleansQuery). This moves every stored state over, once, in one
-- transaction: the state's name becomes grain_kind and the grain's key grain_key (the string key, or for
-- the integer-keyed directories their number in hexadecimal, as Orleans writes it). On a database without
-- the old tables it creates an empty one, moves nothing and drops it again.

BEGIN;

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
    ModifiedOn             TEXT    NOT NULL
);

INSERT OR IGNORE INTO grain_state (grain_kind, grain_key, version, payload, modified_ms)
SELECT GrainTypeString,
       CASE WHEN GrainIdExtensionString <> '' THEN GrainIdExtensionString ELSE printf('%x', GrainIdN1) END,
       Version,
       PayloadBinary,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM OrleansStorage;

DROP TABLE OrleansStorage;
DROP TABLE IF EXISTS OrleansQuery;

COMMIT;
