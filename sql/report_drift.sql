-- The run's most changed copies and rewrites, for the run report: the articles of this run
-- (`run_articles`, registered by flows/artifacts.py) with drift rows, their changes by kind.
WITH titles AS (
    SELECT DISTINCT ON (article_id) article_id, title, url FROM articles
)
SELECT d.article_id,
       any_value(copy.title) AS title,
       any_value(copy.url) AS url,
       any_value(origin.title) AS origin_title,
       count(*) AS changes,
       string_agg(DISTINCT d.kind, ', ' ORDER BY d.kind) AS kinds,
       arg_max(d.kind || ': ' || coalesce(d.origin_value, '—') || ' → ' || coalesce(d.value, '—'), d.confidence) AS surest
FROM drift AS d
SEMI JOIN run_articles USING (article_id)
LEFT JOIN titles AS copy ON copy.article_id = d.article_id
LEFT JOIN titles AS origin ON origin.article_id = d.origin_article_id
GROUP BY d.article_id
ORDER BY changes DESC, d.article_id
LIMIT 10;
