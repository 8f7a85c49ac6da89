-- The pairs of `pending_pairs` (a group of drift_pending.sql's rows, registered by
-- tasks/drift/update.py) with each side's body, language and publication date.
-- A copy whose body is its origin's is left out: find_drift finds nothing between equal bodies
-- (tasks/drift/detect.py), so republished copies cost no comparison, nor the processes started
-- to compare them.
-- A group at a time, and only the columns compared: the bodies of every pair at once (400 MB
-- at 100k articles) ran out of DuckDB's memory limit (512 MB) in one query, whether in a
-- DISTINCT ON over whole rows or in a join built on all of them.
SELECT
    p.article_id, p.origin_article_id,
    copy.body AS body, copy.published_at AS published_at, copy.language AS language,
    origin.body AS origin_body, origin.published_at AS origin_published_at, origin.language AS origin_language,
    p.story_earliest
FROM pending_pairs AS p
JOIN (SELECT article_id, body, published_at, language FROM articles) AS copy ON copy.article_id = p.article_id
JOIN (SELECT article_id, body, published_at, language FROM articles) AS origin ON origin.article_id = p.origin_article_id
WHERE copy.body IS DISTINCT FROM origin.body
QUALIFY row_number() OVER (PARTITION BY p.article_id, p.origin_article_id) = 1  -- one row a pair, whatever the files hold
ORDER BY p.article_id, p.origin_article_id;
