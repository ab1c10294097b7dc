-- Event payloads and metadata, snapshots and tracking tokens as BINARY VARYING instead of BLOB (H2 only). H2 keeps
-- every BLOB value in its separate LOB store, behind a reference that each read and write follows: the LOB store's
-- frames (LobStorageMap$BlobReference.compareTo, DataUtils.writeVarLong, its page cache) were among the hottest of
-- every benchmark phase, for payloads of about 500 bytes. BINARY VARYING keeps the bytes in the row. The length is
-- H2 2.x's maximum (1,000,000,000 bytes), so no event that fitted a BLOB before is refused for its size in practice.
-- Existing rows are converted in place. PostgreSQL's columns are BYTEA, stored in the row already.
ALTER TABLE DomainEventEntry ALTER COLUMN payload SET DATA TYPE BINARY VARYING(1000000000);
ALTER TABLE DomainEventEntry ALTER COLUMN metaData SET DATA TYPE BINARY VARYING(1000000000);
ALTER TABLE SnapshotEventEntry ALTER COLUMN payload SET DATA TYPE BINARY VARYING(1000000000);
ALTER TABLE SnapshotEventEntry ALTER COLUMN metaData SET DATA TYPE BINARY VARYING(1000000000);
ALTER TABLE TokenEntry ALTER COLUMN token SET DATA TYPE BINARY VARYING(1000000000);
