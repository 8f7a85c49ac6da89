-- Candidate pairs for linking, the same body hash (exact duplicates): each pair once (article_id < other_article_id), at
-- least one side in `new_articles` (registered by tasks/link/update.py; every article for a relink).
-- One of three routes, none of them all-pairs (link_candidates_{hash,bands,names}.sql);
-- tasks/link/update.py runs them one after the other, so each has DuckDB's memory limit to itself.
-- $max_copy_partners partners a new article at most.
WITH first_copies AS (
    -- The first $max_copy_partners + 1 copies of a body (by id) hold each copy's first
    -- $max_copy_partners others: joining all copies first costs the square of a text's copies.
    SELECT body_sha256, article_id FROM articles
    QUALIFY row_number() OVER (PARTITION BY body_sha256 ORDER BY article_id) <= $max_copy_partners + 1
),
by_hash AS (  -- exact copies: $max_copy_partners of them, which keeps every copy in the story
    SELECT n.article_id AS a, o.article_id AS b
    FROM articles AS n
    JOIN new_articles USING (article_id)
    JOIN first_copies AS o ON o.body_sha256 = n.body_sha256 AND o.article_id <> n.article_id
    QUALIFY row_number() OVER (PARTITION BY a ORDER BY b) <= $max_copy_partners
)
SELECT DISTINCT least(a, b) AS article_id, greatest(a, b) AS other_article_id
FROM by_hash
WHERE a <> b  -- never an article with itself (two rows of one article)
ORDER BY 1, 2;
