-- Candidate pairs for linking: each pair once (article_id < other_article_id), at least one
-- side in `new_articles` (registered by tasks/link.py; every article for a relink).
-- Three routes, none of them all-pairs:
--   * the same body hash (exact duplicates);
--   * a shared LSH band of the MinHash signatures (near-duplicates);
--   * at least $min_shared_entities shared named entities that are not everywhere
--     (at most $max_entity_articles articles), for rewrites that share few shingles; each
--     new article keeps its $max_entity_partners best partners (most names shared), which
--     keeps this route linear in the dataset however often names recur.
WITH named AS (
    SELECT DISTINCT article_id, lower(text) AS name, label
    FROM entities
    WHERE label IN ('PERSON', 'ORG', 'PLACE', 'EVENT')
),
distinctive AS (
    SELECT n.*
    FROM named AS n
    JOIN (SELECT name, label FROM named GROUP BY name, label HAVING count(*) <= $max_entity_articles) USING (name, label)
),
shared_names AS (
    SELECT n.article_id AS a, o.article_id AS b, count(*) AS shared
    FROM distinctive AS n
    JOIN new_articles USING (article_id)
    JOIN distinctive AS o ON o.name = n.name AND o.label = n.label AND o.article_id <> n.article_id
    GROUP BY ALL
    HAVING count(*) >= $min_shared_entities
),
by_entities AS (
    SELECT a, b
    FROM shared_names
    QUALIFY row_number() OVER (PARTITION BY a ORDER BY shared DESC, b) <= $max_entity_partners
),
by_bands AS (
    SELECT DISTINCT n.article_id AS a, o.article_id AS b
    FROM bands AS n
    JOIN new_articles USING (article_id)
    JOIN bands AS o ON o.band = n.band AND o.band_hash = n.band_hash AND o.article_id <> n.article_id
),
by_hash AS (
    SELECT n.article_id AS a, o.article_id AS b
    FROM articles AS n
    JOIN new_articles USING (article_id)
    JOIN articles AS o ON o.body_sha256 = n.body_sha256 AND o.article_id <> n.article_id
)
SELECT DISTINCT least(a, b) AS article_id, greatest(a, b) AS other_article_id
FROM (SELECT * FROM by_entities UNION ALL SELECT * FROM by_bands UNION ALL SELECT * FROM by_hash)
ORDER BY 1, 2;
