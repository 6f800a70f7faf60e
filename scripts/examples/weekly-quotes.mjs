#!/usr/bin/env node
// Weekly export of everything one person said, as a spreadsheet-ready CSV (one row per quote).
//
//   node scripts/examples/weekly-quotes.mjs out/demo/graph.json --person "Zelensky" \
//     [--from 2025-08-11] [--to 2025-08-17] --out out/zelensky-week.csv
//
// --from/--to (ISO dates, inclusive) default to the seven days ending today. A quote is dated by
// its article (or, failing that, by the SAID relationship). Run `npm run build` first.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { csvField, normalizeName, readGraphFile } from 'newsgraph';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { person: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
});
if (positionals.length !== 1 || !values.person || !values.out) {
  console.error(
    'usage: weekly-quotes.mjs <graph.json> --person <name> [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out <file.csv>',
  );
  process.exit(2);
}
const day = (d) => d.toISOString().slice(0, 10);
const to = values.to ?? day(new Date());
const from = values.from ?? day(new Date(Date.parse(to) - 6 * 86_400_000));

const graph = await readGraphFile(positionals[0]);
const wanted = normalizeName(values.person);
const people = graph.filterNodes(
  (_k, a) => a.label === 'Person' && [a.name, ...a.aliases].some((n) => normalizeName(n) === wanted),
);
if (people.length === 0) {
  console.error(`weekly-quotes: no person called '${values.person}' in ${positionals[0]}.`);
  process.exit(1);
}

const articles = graph.getAttribute('articles');
let undated = 0;
const rows = [['date', 'speaker', 'to_or_about', 'quote', 'sentence', 'article', 'title', 'url']];
for (const person of people) {
  graph.forEachOutEdge(person, (_edge, a, _source, target) => {
    if (a.type !== 'SAID') return;
    a.evidence.forEach((ev, i) => {
      const meta = articles[ev.article] ?? {};
      const date = meta.date ?? a.date;
      if (!date) return void undated++;
      if (date.slice(0, 10) < from || date.slice(0, 10) > to) return;
      const quote = a.quotes?.[i] ?? a.quote ?? '';
      rows.push([
        date,
        graph.getNodeAttribute(person, 'name'),
        graph.getNodeAttribute(target, 'name'),
        quote,
        ev.sentence,
        ev.article,
        meta.title ?? '',
        meta.url ?? '',
      ]);
    });
  });
}
rows.splice(1, rows.length, ...rows.slice(1).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)));
await writeFile(values.out, rows.map((r) => r.map((f) => csvField(String(f))).join(',')).join('\r\n') + '\r\n');
console.error(
  `weekly-quotes: ${rows.length - 1} quotes from ${from} to ${to} written to ${values.out}` +
    (undated ? ` (${undated} undated quotes left out)` : ''),
);
