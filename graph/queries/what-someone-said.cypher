// Everything a person said: the quotations and the sentences they come from, newest first.
// @param name: part of the speaker's name or alias, any case (e.g. "Biden")
// @param limit = 200: most rows to return
MATCH (p:Person)-[s:SAID]->(about:Entity)
WHERE toLower(p.name) CONTAINS toLower($name)
   OR any(alias IN p.aliases WHERE toLower(alias) CONTAINS toLower($name))
RETURN p.name AS speaker,
       about.name AS to_or_about,
       coalesce(s.quotes, CASE WHEN s.quote IS NULL THEN [] ELSE [s.quote] END) AS quotes,
       s.date AS date,
       s.sentences AS sentences,
       s.articles AS articles
ORDER BY date DESC, speaker, to_or_about
LIMIT $limit;
