-- The named entities of the articles in the registered table `wanted` (column `key`: article ids)
-- from the entity files named by the variable `files` (tasks/store/reuse.py), one list an article.
-- No union_by_name: the columns read are in every file newsflow writes, and uniting the files'
-- columns would read the schema of every file before the first row (tasks/store/reuse.py).
SELECT e.article_id, list(struct_pack(text := e.text, label := e.label, count := e.count)) AS entities
FROM read_parquet(getvariable('files')) AS e
WHERE e.article_id IN (SELECT key FROM wanted)
GROUP BY e.article_id;
