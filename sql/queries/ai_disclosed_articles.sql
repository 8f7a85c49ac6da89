-- Articles whose author box or disclosure line says a machine wrote them.
SELECT article_id, title, authors, url, word_count
FROM articles
WHERE ai_disclosed
ORDER BY ingested_at DESC;
