// The most connected actors (people, countries, organizations): how many others they are linked
// to by facts, how many facts, and in how many articles they appear.
// @param limit = 25: most rows to return
// Every relationship but MENTIONED_IN is a fact (one type per relation type of src/relation-types.ts),
// so a new relation type counts here without an edit.
MATCH (e:Entity)
WHERE e:Person OR e:Country OR e:Organization
WITH e,
     COUNT { (e)-[:!MENTIONED_IN]-() } AS facts,
     COUNT { MATCH (e)-[:!MENTIONED_IN]-(o) RETURN DISTINCT o } AS partners
WHERE facts > 0
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS kind,
       e.name AS actor,
       partners,
       facts,
       size(e.articles) AS articles
ORDER BY partners DESC, facts DESC, actor
LIMIT $limit;
