-- The links table as the last link step left it, in the contract's column order.
SELECT article_id, other_article_id, relation, score FROM links;
