-- The `drift` table (docs/DATA_CONTRACT.md): what each copy or rewrite changed against its
-- story's original, one row a difference; derived from articles and stories by each link step.
-- `data_dir` is set by newsflow (`newsflow sql`), or by hand: SET VARIABLE data_dir = 'data';
CREATE OR REPLACE VIEW drift AS
SELECT * FROM read_parquet(getvariable('data_dir') || '/drift/*.parquet');
