-- The links table after a link step, sorted by the pair: the old links that touch none of the
-- articles just linked (`linked_articles`; none when $keep_old is false, a relink from scratch),
-- plus the links found for those articles, read from the part files of their groups
-- ($found_parts). A pair of two articles of different groups is found by both and judged alike:
-- kept once. In DuckDB because it spills the sort past its memory limit; in Arrow, 2.3M links at
-- 100k articles and their sorted copies were the linking step's memory peak.
-- No link of an article with itself, old or found (two rows of one article: one input twice in a run).
SELECT article_id, other_article_id, relation, score
FROM links
WHERE $keep_old
  AND article_id <> other_article_id
  AND article_id NOT IN (SELECT article_id FROM linked_articles)
  AND other_article_id NOT IN (SELECT article_id FROM linked_articles)
UNION ALL
SELECT article_id, other_article_id, any_value(relation), any_value(score)
FROM read_parquet($found_parts)
WHERE article_id <> other_article_id
GROUP BY article_id, other_article_id
ORDER BY article_id, other_article_id;
