-- Every (article, origin) pair of `stories` now: the pairs `drift` accounts for.
SELECT DISTINCT article_id, origin_article_id
FROM stories
WHERE origin_article_id IS NOT NULL
ORDER BY article_id;
