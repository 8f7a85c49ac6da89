-- The mean length of the articles' bodies, in characters (0 with no article): how many pending
-- pairs tasks/drift/update.py reads the bodies of in one query of drift_pairs.sql.
SELECT coalesce(avg(length(body)), 0) AS mean_body FROM articles;
