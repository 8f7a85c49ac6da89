"""The SQL of newsflow: one DuckDB view a table (`<table>.sql`), the linking queries, and example
queries (`queries/`). A package only so that the files install with the code, as package data."""
