-- Inputs that could not be used, per reason, with an example of each.
SELECT reason,
       count(*) AS inputs,
       sum(size_bytes) AS bytes,
       min(source_uri) AS example_source,
       min(detail) AS example_detail
FROM quarantine
GROUP BY reason
ORDER BY inputs DESC, reason;
