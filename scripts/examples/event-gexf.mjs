#!/usr/bin/env node
// The participants of one event, and everything between them, as a GEXF file for Gephi.
//
//   node scripts/examples/event-gexf.mjs out/demo/graph.json --event "Alaska summit" --out out/summit.gexf
//
// Participants are the actors with a PARTICIPATED_IN edge to the event or a MET_WITH edge that
// names it. Run `npm run build` first.
import { parseArgs } from 'node:util';
import { exportGraph, normalizeName, readGraphFile, subgraph } from 'newsgraph';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { event: { type: 'string' }, out: { type: 'string' } },
});
if (positionals.length !== 1 || !values.event || !values.out) {
  console.error('usage: event-gexf.mjs <graph.json> --event <name> --out <file.gexf>');
  process.exit(2);
}

const graph = await readGraphFile(positionals[0]);
const wanted = normalizeName(values.event);
const event = graph.findNode(
  (_k, a) => a.label === 'Event' && [a.name, ...a.aliases].some((n) => normalizeName(n) === wanted),
);
if (!event) {
  console.error(`event-gexf: no event called '${values.event}' in ${positionals[0]}.`);
  process.exit(1);
}

const members = new Set([event]);
graph.forEachInEdge(event, (_e, a, source) => a.type === 'PARTICIPATED_IN' && members.add(source));
graph.forEachEdge((_e, a, source, target) => {
  if (a.type === 'MET_WITH' && a.event === event) members.add(source).add(target);
});

const result = await exportGraph(subgraph(graph, members), { format: 'gexf', out: values.out });
console.error(
  `event-gexf: ${result.nodes} nodes and ${result.edges} edges around '${graph.getNodeAttribute(event, 'name')}' written to ${result.path}`,
);
