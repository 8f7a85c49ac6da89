-- The `articles` table (docs/DATA_CONTRACT.md): every committed part file, hive-partitioned by ingest date.
-- union_by_name: part files written before `credit_roles` and `published_at_utc_offset_minutes` were
-- added lack them (read as NULL).
-- `data_dir` is set by newsflow (`newsflow sql`), or by hand: SET VARIABLE data_dir = 'data';
CREATE OR REPLACE VIEW articles AS
SELECT * FROM read_parquet(getvariable('data_dir') || '/articles/*/*.parquet', hive_partitioning = true, union_by_name = true);
