-- The MinHash signature of each article in the registered table `wanted` (column `key`: article
-- ids) from the signature files named by the variable `files` (tasks/store/reuse.py).
-- No union_by_name: the columns read are in every file newsflow writes, and uniting the files'
-- columns would read the schema of every file before the first row (tasks/store/reuse.py).
SELECT s.article_id, any_value(s.minhash) AS minhash
FROM read_parquet(getvariable('files')) AS s
WHERE s.article_id IN (SELECT key FROM wanted)
GROUP BY s.article_id;
