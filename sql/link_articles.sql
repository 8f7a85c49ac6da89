-- What linking needs of the articles it compares: body, hash, time, signature, provenance
-- hints, and the names (people, organisations, places, events) found in it.
SELECT a.article_id, a.body, a.body_sha256, a.published_at, a.agency, a.word_count, a.language,
       s.minhash,
       (SELECT list(DISTINCT lower(e.text)) FROM entities AS e
        WHERE e.article_id = a.article_id AND e.label IN ('PERSON', 'ORG', 'PLACE', 'EVENT')) AS names
FROM articles AS a
JOIN link_ids USING (article_id)
LEFT JOIN signatures AS s USING (article_id);
