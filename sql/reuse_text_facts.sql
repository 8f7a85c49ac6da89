-- What earlier runs found in bodies equal to a batch's (tasks/store/reuse.py): for each body hash
-- of the registered table `batch_hashes` already stored, one of its articles (the first by id)
-- with its body, language, keywords, named entities and MinHash signature.
WITH firsts AS (
    SELECT a.body_sha256, min(a.article_id) AS article_id
    FROM articles AS a
    WHERE a.body_sha256 IN (SELECT body_sha256 FROM batch_hashes)
    GROUP BY a.body_sha256
)
SELECT a.body_sha256, a.body, a.language, a.language_confidence, a.keywords,
       (SELECT list(struct_pack(text := e.text, label := e.label, count := e.count))
        FROM entities AS e WHERE e.article_id = a.article_id) AS entities,
       (SELECT any_value(s.minhash) FROM signatures AS s WHERE s.article_id = a.article_id) AS minhash
FROM firsts AS f
JOIN articles AS a USING (article_id);
