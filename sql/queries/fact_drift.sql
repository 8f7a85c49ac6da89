-- The biggest fact drifts: what copies and rewrites changed against their story's original,
-- the two sentences side by side; the articles that changed most first.
WITH titles AS (
    SELECT DISTINCT ON (article_id) article_id, title, url FROM articles
),
changes AS (
    SELECT article_id, count(*) AS changes FROM drift GROUP BY article_id
)
SELECT coalesce(copy.title, copy.url, d.article_id) AS article,
       coalesce(origin.title, origin.url, d.origin_article_id) AS origin,
       d.kind, d.change, d.origin_value, d.value,
       d.origin_sentence, d.sentence,
       round(d.confidence, 2) AS confidence
FROM drift AS d
JOIN changes AS c USING (article_id)
LEFT JOIN titles AS copy ON copy.article_id = d.article_id
LEFT JOIN titles AS origin ON origin.article_id = d.origin_article_id
ORDER BY c.changes DESC, d.article_id, d.origin_start NULLS LAST, d.start NULLS LAST
LIMIT 50;
