/**
 * Each pipeline stage has a small public surface, its `index.ts`, and code outside a stage
 * imports it only through that file (STYLE.md, "Layout shows the pipeline"). Read from the
 * sources: every relative import and re-export in src/ is resolved and checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as graphStage from '../../src/graph/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const STAGES = ['ingest', 'extract', 'resolve', 'graph', 'pipeline'];

/** Every .ts file under src/, relative to it. */
function sources(): string[] {
  return readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
}

/** The relative module specifiers a file imports or re-exports, resolved to paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => relative(SRC, resolve(dirname(join(SRC, file)), s)).replace(/\.js$/, '.ts'));
}

describe.each(STAGES)('the %s stage', (stage) => {
  it(`is imported from outside src/${stage}/ only through src/${stage}/index.ts`, () => {
    const deep: string[] = [];
    for (const file of sources()) {
      if (file.startsWith(`${stage}/`)) continue;
      for (const target of importsOf(file)) {
        if (target.startsWith(`${stage}/`) && target !== `${stage}/index.ts`) deep.push(`${file} → ${target}`);
      }
    }
    expect(deep).toEqual([]);
  });
});

describe('src/graph/index.ts', () => {
  it.each(['createGraph', 'GraphBuilder', 'readGraphFile', 'writeGraphFile', 'applyLayout', 'mentionRows'])(
    'gives the other stages %s',
    (name) => {
      expect(typeof (graphStage as Record<string, unknown>)[name]).toBe('function');
    },
  );
});
