-- The (article, origin) pairs of `stories` whose drift is to be found: every article with an
-- origin, minus the pairs in `checked_pairs` (registered by tasks/drift/update.py: the pairs
-- already compared). With each side's body, language and publication date, and the story's
-- earliest known date (what a relative date resolves against when an article has none).
-- A copy whose body is its origin's is left out: find_drift finds nothing between equal bodies
-- (tasks/drift/detect.py), so republished copies cost no comparison, nor the processes started
-- to compare them.
WITH story_dates AS (
    SELECT s.story_id, min(a.published_at) AS earliest
    FROM stories AS s JOIN articles AS a USING (article_id)
    GROUP BY s.story_id
)
SELECT
    s.article_id, s.origin_article_id,
    copy.body AS body, copy.published_at AS published_at, copy.language AS language,
    origin.body AS origin_body, origin.published_at AS origin_published_at, origin.language AS origin_language,
    d.earliest AS story_earliest
FROM stories AS s
JOIN (SELECT DISTINCT ON (article_id) * FROM articles) AS copy ON copy.article_id = s.article_id
JOIN (SELECT DISTINCT ON (article_id) * FROM articles) AS origin ON origin.article_id = s.origin_article_id
LEFT JOIN story_dates AS d USING (story_id)
WHERE s.origin_article_id IS NOT NULL
  AND copy.body IS DISTINCT FROM origin.body
  AND NOT EXISTS (SELECT 1 FROM checked_pairs AS c
                  WHERE c.article_id = s.article_id AND c.origin_article_id = s.origin_article_id)
ORDER BY s.article_id;
