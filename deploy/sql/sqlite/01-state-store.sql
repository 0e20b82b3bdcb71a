-- The hub's durable state in the embedded SQLite database (src/Silo/Storage/StateStore.cs).
--
-- grain_state: one row per grain state: its kind (the state's name, such as 'gate' or 'resident'), the
--   grain's key, the version a write must name (optimistic concurrency), and the payload in Orleans'
--   binary format (null once cleared).
-- log_entry: append-only series under one owner (a gate's processed events, say), numbered by the owner,
--   read from their newest end and trimmed from their oldest.
--
-- The silo applies this script at every start; every statement is idempotent.

PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS grain_state
(
    grain_kind  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB,
    modified_ms INTEGER NOT NULL,
    PRIMARY KEY (grain_kind, grain_key)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS log_entry
(
    log_name  TEXT    NOT NULL,
    owner_key TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    payload   BLOB    NOT NULL,
    PRIMARY KEY (log_name, owner_key, seq)
) WITHOUT ROWID;
