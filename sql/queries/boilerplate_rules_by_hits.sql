-- What the cleaning rules did: spans and characters per rule, dropped or moved to metadata.
SELECT rule,
       kind,
       count(*) AS spans,
       sum("end" - start) AS characters,
       count(DISTINCT doc_id) AS documents,
       min(text) AS example
FROM spans
WHERE rule IS NOT NULL
GROUP BY rule, kind
ORDER BY spans DESC, rule;
