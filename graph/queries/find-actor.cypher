// Find actors by any of their names, through the full-text index on names and aliases.
// @param text: Lucene query on names and aliases (e.g. "zelensk*" or "united nations")
// @param limit = 20: most rows to return
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
RETURN [l IN labels(node) WHERE l <> 'Entity'][0] AS kind,
       node.name AS name,
       node.aliases AS aliases,
       size(node.articles) AS articles,
       round(score, 3) AS score
ORDER BY score DESC, name
LIMIT $limit;
