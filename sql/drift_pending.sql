-- The (article, origin) pairs of `stories` whose drift is to be found: every article with an
-- origin, minus the pairs in `checked_pairs` (registered by tasks/drift/update.py: the pairs
-- already compared); with the story's earliest known date (what a relative date resolves
-- against when an article has none), and the length of both bodies. Identifiers, dates and
-- lengths only: drift_pairs.sql reads the bodies of a group of these pairs at a time.
WITH story_dates AS (
    SELECT s.story_id, min(a.published_at) AS earliest
    FROM stories AS s JOIN articles AS a USING (article_id)
    GROUP BY s.story_id
),
lengths AS (
    SELECT article_id, max(length(body)) AS body_length FROM articles GROUP BY article_id
)
SELECT DISTINCT s.article_id, s.origin_article_id, d.earliest AS story_earliest,
       coalesce(copy.body_length, 0) + coalesce(origin.body_length, 0) AS pair_length
FROM stories AS s
LEFT JOIN story_dates AS d USING (story_id)
LEFT JOIN lengths AS copy ON copy.article_id = s.article_id
LEFT JOIN lengths AS origin ON origin.article_id = s.origin_article_id
WHERE s.origin_article_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM checked_pairs AS c
                  WHERE c.article_id = s.article_id AND c.origin_article_id = s.origin_article_id)
ORDER BY s.article_id, s.origin_article_id;
