-- Candidate pairs for linking, a shared LSH band of the MinHash signatures (near-duplicates): each pair once (article_id < other_article_id), at
-- least one side in `new_articles` (registered by tasks/link/update.py; every article for a relink).
-- One of three routes, none of them all-pairs (link_candidates_{hash,bands,names}.sql);
-- tasks/link/update.py runs them one after the other, so each has DuckDB's memory limit to itself.
-- $max_copy_partners partners a new article at most, those sharing the most bands.
WITH crowded AS (  -- band buckets of more articles than a new article is compared with
    SELECT band, band_hash FROM bands GROUP BY ALL HAVING count(*) > $max_copy_partners
),
band_members AS (
    -- At most $max_copy_partners articles of a band bucket answer a new article: a text
    -- republished hundreds of times would otherwise join each copy with every other, bucket by
    -- bucket, quadratically; the members kept are an arbitrary (id-ordered) sample of the copies.
    -- An aggregate keeps a crowded bucket's first ids: a window ranking its members would sort
    -- them all in memory (at 100k articles, millions of band rows beyond the memory limit).
    SELECT band, band_hash, article_id FROM bands ANTI JOIN crowded USING (band, band_hash)
    UNION ALL
    SELECT band, band_hash, unnest(min(article_id, $max_copy_partners)) AS article_id
    FROM bands SEMI JOIN crowded USING (band, band_hash)
    GROUP BY band, band_hash
),
by_bands AS (  -- a new article's partners sharing the most bands, $max_copy_partners at most
    SELECT n.article_id AS a, o.article_id AS b
    FROM bands AS n
    JOIN new_articles USING (article_id)
    JOIN band_members AS o ON o.band = n.band AND o.band_hash = n.band_hash AND o.article_id <> n.article_id
    GROUP BY n.article_id, o.article_id
    QUALIFY row_number() OVER (PARTITION BY a ORDER BY count(*) DESC, b) <= $max_copy_partners
)
SELECT DISTINCT least(a, b) AS article_id, greatest(a, b) AS other_article_id
FROM by_bands
WHERE a <> b  -- never an article with itself (two rows of one article)
ORDER BY 1, 2;
