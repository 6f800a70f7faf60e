/**
 * The annotated data the entity tagger may learn from and the project may ship what it derives
 * (../shared/nlp/README.md): GUM's training documents, Re-DocRED, UNER-EWT and the White House
 * sentences annotated here (training/ner/). WikiGold, GUM's dev/test documents and CoNLL-2003 are
 * never among them: `npm run eval:ner` measures on those.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TaggedSentence } from '../../src/extract/ner/index.js';
import { PROJECT_ROOT, requirePath, sharedPath } from '../shared-data.js';
import { gumSplits, readAnnotated, readConll, readGum, readRedocred } from './corpora.js';

/** Each shippable source by name, with its sentences; `tool` names the caller in errors. */
export function shippableSources(tool: string): [string, TaggedSentence[]][] {
  const nlp = (...p: string[]): string => requirePath(tool, 'the annotated data', sharedPath('nlp', ...p));
  const annotatedDir = join(PROJECT_ROOT, 'training/ner/whitehouse/annotated');
  return [
    ['GUM (train documents)', gumSplits(nlp('gum')).train.flatMap(readGum)],
    [
      'Re-DocRED (dev + test)',
      ['dev_revised.json', 'test_revised.json'].flatMap((f) => readRedocred(nlp('redocred', f)).flat()),
    ],
    [
      'UNER-EWT (dev + test)',
      readdirSync(nlp('uner-ewt'))
        .filter((f) => f.endsWith('.iob2'))
        .flatMap((f) => readConll(nlp('uner-ewt', f), /\t/).flat()),
    ],
    [
      'White House, annotated here',
      readdirSync(annotatedDir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .flatMap((f) => readAnnotated(join(annotatedDir, f))),
    ],
  ];
}
