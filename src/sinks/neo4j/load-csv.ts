/**
 * The `LOAD CSV` statements that load the csv export (nodes.csv, relationships.csv) into the same
 * nodes, relationships and properties as a push: derived from the files' own neo4j-admin headers
 * (`name:type`), arrays split on the export's delimiter. What a user without neo4j-admin runs, and
 * what `npm run bench:neo4j` times a push against.
 */
import { ENTITY_LABELS, RELATION_TYPES } from '../../types.js';
import { ARTICLE_PROPERTIES, ENTITY_PROPERTIES, MENTION_PROPERTIES } from './model.js';
import { ARTICLE_LABEL, ENTITY_LABEL, MENTIONED_IN, identifier } from './schema.js';

export interface LoadCsvStatement {
  text: string;
  params: Record<string, unknown>;
}

/** A Cypher expression converting `row[header]` to the property neo4j-admin would store. */
function column(header: string): [name: string, expr: string] {
  const [name, type = 'string'] = header.split(':') as [string, string | undefined];
  const cell = `row[${JSON.stringify(header)}]`;
  switch (type) {
    case 'string[]':
      return [name, `split(${cell}, $delimiter)`];
    case 'int[]':
      return [name, `[x IN split(${cell}, $delimiter) | toInteger(x)]`];
    case 'int':
      return [name, `toInteger(${cell})`];
    default:
      return [name, cell];
  }
}

/** `{name: expr, …}` for the properties of `headers` that `keep` accepts (`id:ID` read as `id`). */
function propertyMap(headers: readonly string[], keep: (name: string) => boolean): string {
  const parts = headers
    .filter((h) => !h.startsWith(':') && !h.endsWith(':LABEL'))
    .map((h) => {
      const [name, expr] = column(h.replace(/:ID$/, ''));
      return [name, h.endsWith(':ID') ? `row[${JSON.stringify(h)}]` : expr] as const;
    })
    .filter(([name]) => keep(name));
  return `{${parts.map(([n, e]) => `${n}: ${e}`).join(', ')}}`;
}

/**
 * The statements, in order, for the two files at `nodesUrl` and `relationshipsUrl` (URLs the server can
 * read, e.g. `file:///sub/nodes.csv` under its import folder), whose first lines are `nodesHeader` and
 * `relationshipsHeader`. Each statement loads one label or type. With `batchSize`, each commits every
 * `batchSize` rows (`CALL … IN TRANSACTIONS`), and must then run in an implicit transaction, as
 * cypher-shell and session.run run them; without, each is one transaction.
 */
export function loadCsvStatements(options: {
  nodesUrl: string;
  relationshipsUrl: string;
  nodesHeader: string;
  relationshipsHeader: string;
  delimiter: string;
  batchSize?: number;
}): LoadCsvStatement[] {
  const nodeHeaders = options.nodesHeader.split(',');
  const relHeaders = options.relationshipsHeader.split(',');
  const articleProps = new Set(ARTICLE_PROPERTIES.map((p) => p.name));
  const entityProps = new Set(ENTITY_PROPERTIES.map((p) => p.name));
  const mentionProps = new Set(MENTION_PROPERTIES.map((p) => p.name));
  const batch = options.batchSize;
  if (batch !== undefined && !(Number.isInteger(batch) && batch > 0))
    throw new RangeError(`load-csv: batch size ${batch} is not a positive whole number.`);
  const base = { delimiter: options.delimiter };
  // A literal: a JavaScript number parameter reaches the server as a float, which OF … ROWS refuses.
  const inBatches = (body: string) => (batch ? `CALL { WITH row ${body} } IN TRANSACTIONS OF ${batch} ROWS` : body);
  const article = identifier(ARTICLE_LABEL);
  const entity = identifier(ENTITY_LABEL);
  return [
    {
      text: `LOAD CSV WITH HEADERS FROM $url AS row WITH row WHERE row[':LABEL'] = $label ${inBatches(
        `MERGE (n:${article} {id: row['id:ID']}) SET n = ${propertyMap(nodeHeaders, (n) => articleProps.has(n))}`,
      )}`,
      params: { ...base, url: options.nodesUrl, label: ARTICLE_LABEL },
    },
    ...ENTITY_LABELS.map((label) => ({
      text: `LOAD CSV WITH HEADERS FROM $url AS row WITH row, split(row[':LABEL'], $delimiter) AS labels WHERE $entity IN labels AND $label IN labels ${inBatches(
        `MERGE (n:${entity} {id: row['id:ID']}) SET n:${identifier(label)} SET n = ${propertyMap(nodeHeaders, (n) => entityProps.has(n))}`,
      )}`,
      params: { ...base, url: options.nodesUrl, label, entity: ENTITY_LABEL },
    })),
    {
      text: `LOAD CSV WITH HEADERS FROM $url AS row WITH row WHERE row[':TYPE'] = $type ${inBatches(
        `MATCH (e:${entity} {id: row[':START_ID']}) MATCH (a:${article} {id: row[':END_ID']}) ` +
          `MERGE (e)-[m:${identifier(MENTIONED_IN)}]->(a) SET m = ${propertyMap(relHeaders, (n) => mentionProps.has(n))}`,
      )}`,
      params: { ...base, url: options.relationshipsUrl, type: MENTIONED_IN },
    },
    ...RELATION_TYPES.map((type) => ({
      text: `LOAD CSV WITH HEADERS FROM $url AS row WITH row WHERE row[':TYPE'] = $type ${inBatches(
        `MATCH (s:${entity} {id: row[':START_ID']}) MATCH (t:${entity} {id: row[':END_ID']}) ` +
          `MERGE (s)-[r:${identifier(type)} {key: row.key}]->(t) SET r = ${propertyMap(relHeaders, (n) => !mentionProps.has(n))}`,
      )}`,
      params: { ...base, url: options.relationshipsUrl, type },
    })),
  ];
}
