// Who met whom, when and where: every meeting of the people whose name or alias contains $name
// (all meetings when $name is empty), with its status, date, event, place and the articles that report it.
// @param name = "": part of a person's name or alias, any case (e.g. "Zelensky"); empty for everyone
// @param limit = 100: most rows to return
MATCH (p:Person)-[m:MET_WITH]-(other:Entity)
WHERE $name = ''
   OR toLower(p.name) CONTAINS toLower($name)
   OR any(alias IN p.aliases WHERE toLower(alias) CONTAINS toLower($name))
OPTIONAL MATCH (event:Event {id: m.event})
RETURN p.name AS person,
       other.name AS met,
       [l IN labels(other) WHERE l <> 'Entity'][0] AS kind,
       m.status AS status,
       coalesce(m.date, event.date) AS date,
       event.name AS event,
       event.place AS place,
       m.articles AS articles
ORDER BY date DESC, person, met
LIMIT $limit;
