-- The `documents` table (docs/DATA_CONTRACT.md): every committed part file, hive-partitioned by ingest date.
-- union_by_name: part files written before the `problems` column was added lack it (read as NULL).
-- `data_dir` is set by newsflow (`newsflow sql`), or by hand: SET VARIABLE data_dir = 'data';
CREATE OR REPLACE VIEW documents AS
SELECT * FROM read_parquet(getvariable('data_dir') || '/documents/*/*.parquet', hive_partitioning = true, union_by_name = true);
