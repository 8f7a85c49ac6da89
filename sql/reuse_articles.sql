-- What earlier runs found in bodies equal to a batch's (tasks/store/reuse.py), first step: for
-- each body hash of the registered table `wanted` (column `key`) that the article files named by
-- the variable `files` hold, one of its articles (the first by id) with its body, language and
-- keywords. Only the files holding one of the hashes are named: the others hold none of them, so
-- the first article of each is the same.
-- No union_by_name: the columns read are in every file newsflow writes, and uniting the files'
-- columns would read the schema of every file before the first row (tasks/store/reuse.py).
WITH firsts AS (
    SELECT a.body_sha256, min(a.article_id) AS article_id
    FROM read_parquet(getvariable('files')) AS a
    WHERE a.body_sha256 IN (SELECT key FROM wanted)
    GROUP BY a.body_sha256
)
SELECT f.body_sha256, f.article_id, a.body, a.language, a.language_confidence, a.keywords
FROM firsts AS f
JOIN read_parquet(getvariable('files')) AS a USING (article_id);
