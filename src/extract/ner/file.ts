/**
 * The tagger's weights file (data/models/ner.bin): gzip of a small binary layout —
 * "NGNER1\0\0", then u32 tag count, u32 row count, f32 scale, the transitions (f32), each row's
 * feature hash (u32), and the emissions quantised to i16 (× scale). Read once per process, on the
 * first article that needs it; a missing or damaged file is one error naming the file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NewsgraphError } from '../../errors.js';
import { TAG_COUNT, constrained, type TaggerModel } from './model.js';

const MAGIC = 'NGNER1\0\0';
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../data/models/ner.bin', import.meta.url));

/** The weights a build uses: NEWSGRAPH_NER_MODEL names another file (a model trained with `npm run train:ner -- --out`). */
export function modelPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEWSGRAPH_NER_MODEL || DEFAULT_MODEL_PATH;
}

/** The weights a trainer produced: one row of TAG_COUNT emissions per feature hash. */
export interface TrainedWeights {
  hashes: Uint32Array;
  emissions: Float32Array;
  transitions: Float32Array;
}

interface QuantisedWeights {
  hashes: Uint32Array;
  emissions: Int16Array;
  transitions: Float32Array;
}

/** Weights as 16-bit integers and the one scale that turns them back into weights. */
function quantise(emissions: Float32Array): { values: Int16Array; scale: number } {
  let max = 0;
  for (const w of emissions) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  return { values: Int16Array.from(emissions, (w) => Math.round(w / scale)), scale };
}

export function encodeModel(weights: TrainedWeights): Buffer {
  const rows = weights.hashes.length;
  const { values: quantised, scale } = quantise(weights.emissions);
  const header = Buffer.alloc(8 + 12);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(TAG_COUNT, 8);
  header.writeUInt32LE(rows, 12);
  header.writeFloatLE(scale, 16);
  return gzipSync(
    Buffer.concat([
      header,
      Buffer.from(weights.transitions.buffer, weights.transitions.byteOffset, weights.transitions.byteLength),
      Buffer.from(weights.hashes.buffer, weights.hashes.byteOffset, weights.hashes.byteLength),
      Buffer.from(quantised.buffer),
    ]),
    { level: 9 },
  );
}

/** Builds the lookup table of a model from its rows (emissions already quantised, or floats to quantise). */
export function modelFromWeights(weights: TrainedWeights | QuantisedWeights, scale?: number): TaggerModel {
  if (weights.emissions instanceof Float32Array) {
    const q = quantise(weights.emissions);
    return modelFromWeights({ ...weights, emissions: q.values }, q.scale);
  }
  let size = 1;
  while (size < weights.hashes.length * 2) size *= 2;
  const keys = new Int32Array(size);
  const rows = new Int32Array(size);
  const mask = size - 1;
  weights.hashes.forEach((hash, row) => {
    const key = hash | 0;
    let slot = key & mask;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    keys[slot] = key;
    rows[slot] = row;
  });
  return { keys, rows, weights: weights.emissions, scale: scale!, transitions: constrained(weights.transitions) };
}

export function decodeModel(file: Buffer, path: string): TaggerModel {
  const damaged = (why: string): NewsgraphError =>
    new NewsgraphError(
      'INTERNAL',
      `${path}: the entity tagger's weights file is damaged (${why}); reinstall newsgraph or run npm run train:ner`,
    );
  let bytes: Buffer;
  try {
    bytes = gunzipSync(file);
  } catch {
    throw damaged('not gzip');
  }
  if (bytes.length < 20 || bytes.toString('latin1', 0, 8) !== MAGIC) throw damaged('not a newsgraph tagger model');
  const tags = bytes.readUInt32LE(8);
  const rows = bytes.readUInt32LE(12);
  const scale = bytes.readFloatLE(16);
  if (tags !== TAG_COUNT) throw damaged(`${tags} tags, this version uses ${TAG_COUNT}`);
  const transitionCount = (TAG_COUNT + 1) * TAG_COUNT;
  const expected = 20 + transitionCount * 4 + rows * 4 + rows * TAG_COUNT * 2;
  if (bytes.length !== expected) throw damaged(`${bytes.length} bytes, expected ${expected}`);
  // Copies: the typed arrays need aligned offsets, which a Buffer slice does not promise.
  const copy = (from: number, length: number): ArrayBuffer => {
    const out = new ArrayBuffer(length);
    new Uint8Array(out).set(bytes.subarray(from, from + length));
    return out;
  };
  const transitions = new Float32Array(copy(20, transitionCount * 4));
  const hashes = new Uint32Array(copy(20 + transitionCount * 4, rows * 4));
  const emissions = new Int16Array(copy(20 + transitionCount * 4 + rows * 4, rows * TAG_COUNT * 2));
  return modelFromWeights({ hashes, emissions, transitions }, scale);
}

export function readModel(path: string): TaggerModel {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : (e as Error).message;
    throw new NewsgraphError(
      'INTERNAL',
      `${path}: the entity tagger's weights file cannot be read (${why}); reinstall newsgraph or run npm run train:ner`,
    );
  }
  return decodeModel(file, path);
}

let loaded: TaggerModel | undefined;

/** The model of `modelPath()`, read on first use. */
export function taggerModel(): TaggerModel {
  loaded ??= readModel(modelPath());
  return loaded;
}
