-- What linking needs of the articles it compares: body, hash, time, signature, provenance hints.
SELECT a.article_id, a.body, a.body_sha256, a.published_at, a.agency, a.word_count, a.language,
       s.minhash
FROM articles AS a
JOIN link_ids USING (article_id)
LEFT JOIN signatures AS s USING (article_id);
