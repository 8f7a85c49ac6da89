-- The `bands` table (docs/DATA_CONTRACT.md): every committed part file, hive-partitioned by ingest date.
-- `data_dir` is set by newsflow (`newsflow sql`), or by hand: SET VARIABLE data_dir = 'data';
CREATE OR REPLACE VIEW bands AS
SELECT * FROM read_parquet(getvariable('data_dir') || '/bands/*/*.parquet', hive_partitioning = true);
