-- The articles no link step has linked yet: those absent from `stories`. A link step writes
-- `links`, then `stories` with a row for every article it linked or kept, so an article a killed
-- or failed step (or a run with linking off) left out is here, and the next step links it.
-- DISTINCT: two rows of one article (one input ingested twice in a run) are one article.
SELECT DISTINCT article_id
FROM articles
ANTI JOIN stories USING (article_id)
ORDER BY article_id;
