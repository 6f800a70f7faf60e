// Proposals and who rejected them: each proposal (optionally only those whose text contains $topic),
// who made it, and the actors that rejected the proposer or a proposal with a similar text.
// @param topic = "": words of the proposal, any case (e.g. "ceasefire"); empty for every proposal
// @param limit = 100: most rows to return
MATCH (proposer:Entity)-[p:PROPOSED]->(target:Entity)
WITH proposer, p, target, coalesce(p.whats, CASE WHEN p.what IS NULL THEN [] ELSE [p.what] END) AS proposals
WHERE $topic = '' OR any(w IN proposals WHERE toLower(w) CONTAINS toLower($topic))
OPTIONAL MATCH (rejecter:Entity)-[r:REJECTED]->(rejected:Entity)
WHERE rejected = proposer
   OR rejected = target
   OR any(rw IN coalesce(r.whats, CASE WHEN r.what IS NULL THEN [] ELSE [r.what] END)
          WHERE any(pw IN proposals WHERE toLower(pw) CONTAINS toLower(rw) OR toLower(rw) CONTAINS toLower(pw)))
WITH proposer, p, target, proposals, collect(DISTINCT rejecter.name) AS rejected_by,
     collect(DISTINCT r.what) AS rejections
RETURN proposer.name AS proposer,
       proposals AS proposed,
       target.name AS to_or_about,
       p.date AS date,
       [x IN rejected_by WHERE x IS NOT NULL] AS rejected_by,
       rejections AS rejected,
       p.articles AS articles
ORDER BY size(rejected_by) DESC, date DESC, proposer
LIMIT $limit;
