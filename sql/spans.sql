-- The `spans` table (docs/DATA_CONTRACT.md): every committed part file, hive-partitioned by ingest date.
-- `data_dir` is set by newsflow (`newsflow sql`), or by hand: SET VARIABLE data_dir = 'data';
CREATE OR REPLACE VIEW spans AS
SELECT * FROM read_parquet(getvariable('data_dir') || '/spans/*/*.parquet', hive_partitioning = true);
