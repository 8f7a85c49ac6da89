-- The `stories` table (docs/DATA_CONTRACT.md): derived from all articles and replaced whole by each link step.
-- `data_dir` is set by newsflow (`newsflow sql`), or by hand: SET VARIABLE data_dir = 'data';
CREATE OR REPLACE VIEW stories AS
SELECT * FROM read_parquet(getvariable('data_dir') || '/stories/*.parquet');
