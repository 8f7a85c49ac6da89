-- The `documents` table (DESIGN.md): every committed part file, hive-partitioned by ingest date.
-- `data_dir` is set by newsflow (`newsflow sql`), or by hand: SET VARIABLE data_dir = 'data';
CREATE OR REPLACE VIEW documents AS
SELECT * FROM read_parquet(getvariable('data_dir') || '/documents/*/*.parquet', hive_partitioning = true);
