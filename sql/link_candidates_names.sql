-- Candidate pairs for linking, by shared names: each pair once (article_id < other_article_id), at
-- least one side in `new_articles` (registered by tasks/link/update.py; every article for a relink).
-- One of three routes, none of them all-pairs (link_candidates_{hash,bands,names}.sql);
-- tasks/link/update.py runs them one after the other, so each has DuckDB's memory limit to itself.
-- At least $min_shared_entities shared names (people, organisations, places, events), for
-- rewrites that share few shingles. Same-story links hold only within $window_days, so
-- names meet within time buckets of that width: an article's own bucket and the two
-- beside it (its date: published, else ingested). Each new article brings its
-- $names_per_article rarest names that another article of those buckets also has, none in
-- more than $max_entity_articles articles there, and keeps its $max_entity_partners best
-- partners (most names shared). So the join grows with the articles of a few weeks, not
-- with the dataset, and common names cost nothing.
WITH dated AS MATERIALIZED (
    -- Numbers stand for article ids in the name join: grouping millions of pairs of integers
    -- takes a fraction of the time and memory that pairs of strings do. One number an article:
    -- two rows of one article (one input ingested twice in a run) would pair it with itself.
    SELECT article_id, row_number() OVER (ORDER BY article_id) AS number,
           floor(epoch(min(coalesce(published_at, ingested_at))) / (86400 * $window_days))::BIGINT AS bucket
    FROM articles
    GROUP BY article_id
),
named AS MATERIALIZED (
    SELECT DISTINCT d.number, lower(e.text) AS name, e.label, d.bucket
    FROM entities AS e
    JOIN dated AS d USING (article_id)
    WHERE e.label IN ('PERSON', 'ORG', 'PLACE', 'EVENT')
),
frequency AS (  -- articles with the name in a bucket and the two beside it
    SELECT name, label, bucket + shift AS bucket, sum(articles) AS articles
    FROM (SELECT name, label, bucket, count(*) AS articles FROM named GROUP BY ALL),
         (VALUES (-1), (0), (1)) AS step(shift)
    GROUP BY ALL
),
rarest AS (
    SELECT n.*
    FROM named AS n
    JOIN (SELECT number, article_id FROM dated) USING (number)
    JOIN new_articles USING (article_id)
    JOIN frequency USING (name, label, bucket)
    WHERE articles BETWEEN 2 AND $max_entity_articles
    QUALIFY row_number() OVER (PARTITION BY n.number ORDER BY articles, name) <= $names_per_article
),
shared_names AS (
    SELECT probe.number AS a, o.number AS b, count(*) AS shared
    FROM (SELECT number, name, label, bucket + shift AS bucket
          FROM rarest, (VALUES (-1), (0), (1)) AS step(shift)) AS probe
    JOIN named AS o USING (name, label, bucket)
    WHERE o.number <> probe.number
    GROUP BY ALL
    HAVING count(*) >= $min_shared_entities
),
by_entities AS (
    SELECT left_id.article_id AS a, right_id.article_id AS b
    FROM (SELECT * FROM shared_names
          QUALIFY row_number() OVER (PARTITION BY a ORDER BY shared DESC, b) <= $max_entity_partners) AS best
    JOIN (SELECT number, article_id FROM dated) AS left_id ON left_id.number = best.a
    JOIN (SELECT number, article_id FROM dated) AS right_id ON right_id.number = best.b
)
SELECT DISTINCT least(a, b) AS article_id, greatest(a, b) AS other_article_id
FROM by_entities
WHERE a <> b
ORDER BY 1, 2;
