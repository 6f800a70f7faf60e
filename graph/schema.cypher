// newsgraph's Neo4j schema: run by `newsgraph push` before any data, every statement idempotent.
//
// Nodes: one label per entity kind (Person, Country, Organization, Event, Place), all of them also
// labelled Entity, and one Article node per article. Relationships: the extracted facts, one type
// per relation type of src/relation-types.ts, each with a unique `key`, and MENTIONED_IN from an
// entity to every article that mentions it. The push writes only the labels and types declared here.

// Unique ids, one constraint per label (each constraint also gives the index MERGE uses).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;

// Unique keys on the facts: one relationship per (type, source, target) in the graph.
// BEGIN relation types: generated from src/relation-types.ts by `npx tsx scripts/schema.ts`; do not edit.
CREATE CONSTRAINT met_with_key IF NOT EXISTS FOR ()-[r:MET_WITH]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT said_key IF NOT EXISTS FOR ()-[r:SAID]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT proposed_key IF NOT EXISTS FOR ()-[r:PROPOSED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rejected_key IF NOT EXISTS FOR ()-[r:REJECTED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT participated_in_key IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.key IS UNIQUE;
// END relation types

// MENTIONED_IN links an entity to an article at most once; it is merged on its two ends and needs no key.

// Look-ups by name and date.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
CREATE INDEX met_with_date IF NOT EXISTS FOR ()-[r:MET_WITH]-() ON (r.date);

// Full-text search on names and every alias (a list of strings): used by graph/queries/find-actor.cypher.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
