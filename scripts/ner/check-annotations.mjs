#!/usr/bin/env node
// Checks annotated sentence files (training/ner/GUIDELINES.md): every line parses, keeps its
// sentence's id and text, and lists names that occur in the text in order, with a known type.
// Usage: node scripts/ner/check-annotations.mjs FILE... [--against SLICE]
import { readFileSync } from 'node:fs';

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC', 'EVENT']);
const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const against = againstAt >= 0 ? args.splice(againstAt, 2)[1] : undefined;
const expected = against
  ? new Map(
      readFileSync(against, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const r = JSON.parse(l);
          return [r.id, r.text];
        }),
    )
  : undefined;
let problems = 0;
const report = (where, what) => {
  problems++;
  console.log(`${where}: ${what}`);
};
const ids = new Set();
for (const file of args) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, n) => {
      if (!line.trim()) return;
      const where = `${file}:${n + 1}`;
      let record;
      try {
        record = JSON.parse(line);
      } catch (e) {
        return report(where, `not JSON (${e.message})`);
      }
      if (typeof record.id !== 'string' || typeof record.text !== 'string' || !Array.isArray(record.entities))
        return report(where, 'needs id, text and entities');
      ids.add(record.id);
      if (expected && expected.get(record.id) !== record.text)
        report(where, `${record.id}: text differs from the slice`);
      let cursor = 0;
      for (const entity of record.entities) {
        if (!Array.isArray(entity) || entity.length !== 2 || !TYPES.has(entity[1])) {
          report(where, `${record.id}: bad entity ${JSON.stringify(entity)}`);
          continue;
        }
        const at = record.text.indexOf(entity[0], cursor);
        if (!entity[0] || at < 0) {
          report(where, `${record.id}: "${entity[0]}" not found after offset ${cursor}`);
          continue;
        }
        cursor = at + entity[0].length;
      }
    });
}
if (expected) for (const id of expected.keys()) if (!ids.has(id)) report(against, `${id} not annotated`);
console.log(problems ? `${problems} problem(s)` : 'ok');
process.exit(problems ? 1 : 0);
