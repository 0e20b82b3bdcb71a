-- The hub's durable state in PostgreSQL (src/Silo/Storage/StateStore.cs): the same two tables as in the
-- embedded SQLite database (deploy/sql/sqlite/01-state-store.sql), with PostgreSQL's types.
--
-- grain_state: one row per grain state (kind, key, version for optimistic concurrency, Orleans' binary
--   payload, null once cleared).
-- log_entry: append-only series under one owner, numbered by the owner.
--
-- Every silo applies this script at its start; every statement is idempotent.

CREATE TABLE IF NOT EXISTS grain_state
(
    grain_kind  TEXT   NOT NULL,
    grain_key   TEXT   NOT NULL,
    version     BIGINT NOT NULL,
    payload     BYTEA,
    modified_ms BIGINT NOT NULL,
    PRIMARY KEY (grain_kind, grain_key)
);

CREATE TABLE IF NOT EXISTS log_entry
(
    log_name  TEXT   NOT NULL,
    owner_key TEXT   NOT NULL,
    seq       BIGINT NOT NULL,
    payload   BYTEA  NOT NULL,
    PRIMARY KEY (log_name, owner_key, seq)
);
