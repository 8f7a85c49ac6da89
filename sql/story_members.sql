-- Every article with what decides the original of its story (tasks/link/stories.py origin_key).
SELECT article_id, agency, published_at, word_count
FROM articles
ORDER BY article_id;
