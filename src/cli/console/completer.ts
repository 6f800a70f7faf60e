/** Tab completion for the console: commands, saved query names, formats, labels, relationship types and property keys. */

export interface CompletionWords {
  commands: readonly string[];
  labels: readonly string[];
  types: readonly string[];
  propertyKeys: readonly string[];
  savedQueries: readonly string[];
  formats: readonly string[];
}

const KEYWORDS = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'ORDER BY',
  'LIMIT',
  'SKIP',
  'UNWIND',
  'CALL',
  'YIELD',
  'DISTINCT',
  'COUNT',
  'COLLECT',
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'DETACH DELETE',
  'SHOW',
  'EXPLAIN',
  'PROFILE',
  'AS',
  'AND',
  'OR',
  'NOT',
  'CONTAINS',
  'STARTS WITH',
  'ENDS WITH',
  'IS NULL',
  'IS NOT NULL',
  'shortestPath',
  'allShortestPaths',
];

const escape = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``);

/** Whether the cursor is inside `[ … ]` (a relationship pattern) rather than `( … )`. */
function inRelationship(line: string): boolean {
  const open = Math.max(line.lastIndexOf('['), line.lastIndexOf('('));
  return open >= 0 && line[open] === '[' && line.lastIndexOf(']') < open;
}

/** readline completer: returns [candidates, the text they replace]. */
export function complete(line: string, words: CompletionWords): [string[], string] {
  const trimmed = line.trimStart();
  if (trimmed.startsWith(':') && !/\s/.test(trimmed)) {
    return [words.commands.filter((c) => c.startsWith(trimmed)), trimmed];
  }
  const arg = /^:(run|format)\s+(\S*)$/.exec(trimmed);
  if (arg) {
    const list = arg[1] === 'run' ? words.savedQueries : words.formats;
    return [list.filter((w) => w.startsWith(arg[2]!)), arg[2]!];
  }
  const m = /([:.$]?)(`?[A-Za-z_][A-Za-z0-9_]*|`?)$/.exec(line);
  const sigil = m?.[1] ?? '';
  const prefix = (m?.[2] ?? '').replace(/^`/, '');
  let pool: readonly string[];
  if (sigil === ':') pool = inRelationship(line) ? words.types : words.labels;
  else if (sigil === '.') pool = words.propertyKeys;
  else if (sigil === '$') pool = [];
  else pool = [...KEYWORDS, ...words.labels, ...words.types];
  if (sigil === ':' && !inRelationship(line) && !pool.some((w) => w.toLowerCase().startsWith(prefix.toLowerCase())))
    pool = words.types;
  const hits = pool.filter((w) => w.toLowerCase().startsWith(prefix.toLowerCase())).map((w) => sigil + escape(w));
  return [[...new Set(hits)], sigil + (m?.[2] ?? '')];
}
