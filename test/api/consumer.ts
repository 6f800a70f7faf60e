// A TypeScript script written against the published API (type-checked by api.test.ts, never run).
import {
  buildGraph,
  exportGraph,
  filterGraph,
  pushToNeo4j,
  readArticles,
  type ExportResult,
  type KnowledgeGraph,
  type RelationAttrs,
} from 'newsgraph';

export async function weeklyMeetings(folder: string): Promise<ExportResult> {
  for await (const item of readArticles([folder])) {
    if (item.kind === 'skipped') console.warn(item.path, item.reason);
  }
  const { graph, summary } = await buildGraph([folder], { workers: 0 });
  const articles: number = summary.articles;
  void articles;
  const meetings: KnowledgeGraph = filterGraph(graph, {
    edge: (_key: string, a: RelationAttrs) => a.type === 'MET_WITH' && (a.date ?? '').startsWith('2025'),
    dropIsolated: true,
  });
  await pushToNeo4j(meetings, { uri: 'bolt://127.0.0.1:7687', username: 'neo4j', password: 'secret' });
  return exportGraph(meetings, { format: 'gexf', out: 'meetings.gexf' });
}

// @ts-expect-error: 'xlsx' is not an export format.
export const wrong = () => exportGraph({} as KnowledgeGraph, { format: 'xlsx', out: 'x' });
