"""The Parquet dataset: atomic commits, what it already holds, compaction and the DuckDB views."""
