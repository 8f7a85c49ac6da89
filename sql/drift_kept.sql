-- The drift rows a link step keeps: those of pairs still in `stories` (`current_pairs`) that
-- were compared before (`checked_pairs`); both registered by tasks/drift/update.py.
SELECT d.*
FROM drift AS d
SEMI JOIN current_pairs USING (article_id, origin_article_id)
SEMI JOIN checked_pairs USING (article_id, origin_article_id)
ORDER BY d.article_id, d.origin_start;
