-- The ten biggest stories of the dataset, for the run report: size, original, copies, rewrites.
SELECT s.story_id,
       count(*) AS articles,
       count(*) FILTER (WHERE s.role = 'syndicated_copy') AS copies,
       count(*) FILTER (WHERE s.role = 'rewrite') AS rewrites,
       any_value(a.title) FILTER (WHERE s.role = 'original') AS title,
       any_value(a.agency) FILTER (WHERE s.role = 'original') AS agency,
       any_value(a.url) FILTER (WHERE s.role = 'original') AS url
FROM stories AS s
JOIN articles AS a USING (article_id)
GROUP BY s.story_id
ORDER BY articles DESC, s.story_id
LIMIT 10;
