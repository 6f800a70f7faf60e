#!/usr/bin/env node
// npm run demo: builds the graph of the bundled sample articles (examples/articles)
// into out/demo/graph.json and says what to do next. No server needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/cli/index.js')) {
  console.error('demo: dist/ is missing. Run `npm install` (it builds the project) first.');
  process.exit(2);
}
const r = spawnSync(process.execPath, ['dist/cli/index.js', 'build', 'examples/articles', '--out', 'out/demo'], {
  stdio: 'inherit',
});
if (r.status !== 0) process.exit(r.status ?? 1);
console.error(`
The knowledge graph of the five sample articles is in out/demo/graph.json.
Next:
  npx newsgraph view out/demo/graph.json --open           explore it in the browser
  npx newsgraph export out/demo/graph.json --format gexf --out out/demo/graph.gexf
                                                          open it in Gephi (also graphml, csv, cypher, json, jsonl, html)
  npm run neo4j:start && npx newsgraph push out/demo/graph.json
                                                          load it into a local Neo4j, then
  npx newsgraph console                                   query it in Cypher (:queries lists the saved ones)
  npx newsgraph build <your folder> --out <dir>           build your own articles`);
