/**
 * The explorer is browser-only code: it typechecks without Node's types, and its bundle
 * pulls in neither Node built-ins nor the Neo4j sink (STYLE.md, rule 4).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the browser app', () => {
  it('typechecks with the DOM library and no Node types', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'src/sinks/viewer/app/tsconfig.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('bundles for the browser without Node built-ins or the Neo4j sink', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src/sinks/viewer/app/main.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.includes('src/sinks/viewer/app/main.ts'))).toBe(true);
    expect(inputs.filter((p) => /^node:|sinks\/neo4j|neo4j-driver/.test(p))).toEqual([]);
  });
});
