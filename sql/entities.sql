-- The `entities` table (docs/DATA_CONTRACT.md): every committed part file, hive-partitioned by ingest date.
-- `data_dir` is set by newsflow (`newsflow sql`), or by hand: SET VARIABLE data_dir = 'data';
CREATE OR REPLACE VIEW entities AS
SELECT * FROM read_parquet(getvariable('data_dir') || '/entities/*/*.parquet', hive_partitioning = true);
