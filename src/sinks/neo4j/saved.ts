/**
 * Saved queries: graph/queries/<name>.cypher. The leading `//` comment lines describe the
 * query; `// @param name: text` and `// @param name = <json>: text` declare its parameters
 * (with a default). The rest is one or more `;`-terminated statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError } from '../../errors.js';
import { QUERIES_DIR } from './schema.js';
import { splitStatements, type Statement } from './statements.js';
import { toParam } from './values.js';

export interface SavedParam {
  name: string;
  description: string;
  /** Default value (already a Cypher parameter); undefined when the parameter is required. */
  default?: unknown;
}

export interface SavedQuery {
  name: string;
  description: string;
  params: SavedParam[];
  statements: Statement[];
  file: string;
}

const PARAM = /^\/\/\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(.+?))?\s*:\s*(.*)$/;

/** Parses one saved query file's text. */
export function parseSavedQuery(file: string, text: string): SavedQuery {
  const description: string[] = [];
  const params: SavedParam[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('//')) {
      if (line) break;
      continue;
    }
    const m = PARAM.exec(line);
    if (m) {
      const p: SavedParam = { name: m[1]!, description: m[3]! };
      if (m[2] !== undefined) {
        try {
          p.default = toParam(JSON.parse(m[2]));
        } catch {
          throw new Error(`queries: ${file}: the default of @param ${m[1]} is not JSON (${m[2]}).`);
        }
      }
      params.push(p);
    } else if (!params.length) description.push(line.replace(/^\/\/\s?/, ''));
  }
  const { statements, unterminated } = splitStatements(text);
  if (unterminated) throw new Error(`queries: ${file} line ${unterminated.line}: statement without a terminating ';'.`);
  return { name: basename(file, '.cypher'), description: description.join(' ').trim(), params, statements, file };
}

/** Every saved query in `dir` (graph/queries/ by default), sorted by name. */
export function loadSavedQueries(dir: string = QUERIES_DIR): SavedQuery[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
  } catch {
    return [];
  }
  return files.sort().map((f) => parseSavedQuery(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}

/** The parameters to run `query` with: given values over defaults; throws UsageError naming missing ones. */
export function savedQueryParams(query: SavedQuery, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const p of query.params) {
    if (p.name in given) out[p.name] = given[p.name];
    else if (p.default !== undefined) out[p.name] = p.default;
    else missing.push(p.name);
  }
  if (missing.length) {
    throw new UsageError(
      `queries: ${query.name} needs ${missing.map((m) => `$${m}`).join(', ')}. Set ${missing.length > 1 ? 'them' : 'it'} first, e.g. :param ${missing[0]} => 'value' (or --param ${missing[0]}=value).`,
    );
  }
  return { ...given, ...out };
}
