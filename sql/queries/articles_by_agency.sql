-- Articles per wire agency named in their dateline, with how many carry a dateline place.
SELECT coalesce(agency, '(none)') AS agency,
       count(*) AS articles,
       count(dateline_place) AS with_dateline_place,
       count(DISTINCT doc_id) AS documents
FROM articles
GROUP BY 1
ORDER BY articles DESC, agency;
