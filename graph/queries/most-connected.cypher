// The most connected actors (people, countries, organizations): how many others they are linked
// to by facts, how many facts, and in how many articles they appear.
// @param limit = 25: most rows to return
MATCH (e:Entity)
WHERE e:Person OR e:Country OR e:Organization
WITH e,
     COUNT { (e)-[:MET_WITH|SAID|PROPOSED|REJECTED|PARTICIPATED_IN]-() } AS facts,
     COUNT { MATCH (e)-[:MET_WITH|SAID|PROPOSED|REJECTED|PARTICIPATED_IN]-(o) RETURN DISTINCT o } AS partners
WHERE facts > 0
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS kind,
       e.name AS actor,
       partners,
       facts,
       size(e.articles) AS articles
ORDER BY partners DESC, facts DESC, actor
LIMIT $limit;
