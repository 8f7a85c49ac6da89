-- The biggest stories: articles per story, the original and how many copies and rewrites.
SELECT s.story_id,
       count(*) AS articles,
       count(*) FILTER (WHERE s.role = 'syndicated_copy') AS syndicated_copies,
       count(*) FILTER (WHERE s.role = 'rewrite') AS rewrites,
       any_value(o.title) FILTER (WHERE s.role = 'original') AS original_title,
       any_value(o.agency) FILTER (WHERE s.role = 'original') AS original_agency
FROM stories AS s
JOIN articles AS o USING (article_id)
GROUP BY s.story_id
HAVING count(*) > 1
ORDER BY articles DESC, s.story_id;
