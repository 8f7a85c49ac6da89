-- Every article id, for a relink from scratch.
SELECT article_id FROM articles ORDER BY article_id;
