// The shortest chains of facts (met, said, proposed, rejected, took part) between two actors,
// up to 6 steps, ignoring which way each fact points.
// @param from: part of the first actor's name or alias, any case (e.g. "Biden")
// @param to: part of the second actor's name or alias, any case (e.g. "Putin")
// @param limit = 5: most paths to return
MATCH (a:Entity)
WHERE toLower(a.name) CONTAINS toLower($from) OR any(alias IN a.aliases WHERE toLower(alias) CONTAINS toLower($from))
MATCH (b:Entity)
WHERE a <> b AND (toLower(b.name) CONTAINS toLower($to) OR any(alias IN b.aliases WHERE toLower(alias) CONTAINS toLower($to)))
// Every relationship but MENTIONED_IN is a fact (one type per relation type of src/relation-types.ts);
// the predicate is checked during the search, so it costs what a list of types would.
MATCH path = shortestPath((a)-[*..6]-(b))
WHERE none(r IN relationships(path) WHERE type(r) = 'MENTIONED_IN')
RETURN [n IN nodes(path) | n.name] AS actors,
       [r IN relationships(path) | type(r)] AS facts,
       length(path) AS steps,
       [r IN relationships(path) | r.articles[0]] AS first_articles
ORDER BY steps, actors
LIMIT $limit;
