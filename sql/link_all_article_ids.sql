-- Every article id, once, for a relink from scratch.
SELECT DISTINCT article_id FROM articles ORDER BY article_id;
