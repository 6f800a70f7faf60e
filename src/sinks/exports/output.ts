/**
 * Where exports write: an output is opened (and so checked) before any work, written
 * as a stream that honours backpressure, and appears under its final name only on
 * success. A file goes through a hidden temporary file beside it and a rename; a folder
 * (csv, html) is staged in a hidden sibling folder whose entries are moved in at the end.
 * On error or `abort()` everything temporary is removed, so no half-written export
 * is ever left behind.
 */
import type { WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError } from '../../errors.js';

/** Chunks smaller than this are gathered before they reach the stream (fewer syscalls, less promise churn). */
const FLUSH_BYTES = 1 << 18;

/**
 * A text stream to one file. `write` returns a promise only when the stream is full;
 * callers `await` it then (`const p = out.write(s); if (p) await p;`), which keeps
 * memory flat without paying for a promise per line.
 */
export class TextWriter {
  private buffer: string[] = [];
  private buffered = 0;
  private failure: Error | undefined;

  constructor(private readonly stream: WriteStream) {
    stream.on('error', (err) => (this.failure ??= err));
  }

  /** Queues `chunk`; returns a promise to await when the disk is behind, otherwise nothing. */
  write(chunk: string): Promise<void> | undefined {
    this.buffer.push(chunk);
    this.buffered += chunk.length;
    return this.buffered >= FLUSH_BYTES ? this.flush() : undefined;
  }

  /** Sends the gathered chunks to the stream, waiting for `drain` if it is full. */
  flush(): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (this.buffered === 0) return undefined;
    const data = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    if (this.stream.write(data)) return undefined;
    return new Promise<void>((res, rej) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        res();
      };
      const onError = (err: Error) => {
        this.stream.off('drain', onDrain);
        rej(err);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  /** Flushes and closes the file; rejects if any write failed. */
  async end(): Promise<void> {
    await this.flush();
    this.throwIfFailed();
    await new Promise<void>((res, rej) => {
      this.stream.once('error', rej);
      this.stream.end(() => res());
    });
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Stops writing without waiting; used on error. */
  destroy(): Promise<void> {
    if (this.stream.closed || this.stream.destroyed) return Promise.resolve();
    return new Promise<void>((res) => {
      this.stream.once('close', () => res());
      this.stream.destroy();
    });
  }
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a parent of it is a file, not a folder';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return (err as Error).message;
  }
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new OutputError(`export: cannot write ${path}: ${describe(err)}.`, { cause: err });
    throw err;
  }
}

/** Creates the parent folders of `path` if missing; returns the topmost folder it created (to remove on abort). */
async function ensureParent(out: string): Promise<string | undefined> {
  const parent = dirname(out);
  const s = await statOrNull(parent);
  if (s) {
    if (!s.isDirectory()) throw new OutputError(`export: cannot write ${out}: ${parent} is a file, not a folder.`);
    return undefined;
  }
  try {
    return await mkdir(parent, { recursive: true });
  } catch (err) {
    throw new OutputError(`export: cannot create the folder ${parent}: ${describe(err)}.`, { cause: err });
  }
}

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

async function openStream(path: string): Promise<TextWriter> {
  // Open first (flag wx: never clobber), so permission problems surface here, before any work.
  const handle = await open(path, 'wx');
  return new TextWriter(handle.createWriteStream({ encoding: 'utf8', autoClose: true, highWaterMark: 1 << 20 }));
}

/** An output opened by `openFileOutput` or `openFolderOutput`: write, then `commit()` or `abort()`. */
export interface Output {
  /** Whether the output is one file or a folder of files. */
  readonly kind: 'file' | 'folder';
  /** The final path (a file, or a folder for folder outputs). */
  readonly path: string;
  /** For folder outputs: the staging folder the format writes into (moved into `path` on commit). */
  readonly dir: string;
  /** Opens a text stream: for a file output its one file (name ignored); for a folder output `name` in the staging folder. */
  file(name?: string): Promise<TextWriter>;
  /** Makes the output appear under its final name. */
  commit(): Promise<void>;
  /** Removes everything temporary; safe to call twice and after `commit()`. */
  abort(): Promise<void>;
}

/**
 * Opens `out` as a single file: checks it is not a folder, creates missing parent
 * folders, and creates the temporary file right away so an unwritable path fails
 * before any work. `example` is a file name the message suggests when `out` is a folder.
 */
export async function openFileOutput(out: string, example = 'graph.out'): Promise<Output> {
  const path = resolve(out);
  const existing = await statOrNull(path);
  if (existing?.isDirectory()) {
    throw new OutputError(`export: ${out} is a folder. Give a file path for this format (e.g. ${join(out, example)}).`);
  }
  const createdDir = await ensureParent(path);
  const tmp = tempName(path);
  let writer: TextWriter;
  try {
    writer = await openStream(tmp);
  } catch (err) {
    if (createdDir) await rm(createdDir, { recursive: true, force: true });
    throw new OutputError(`export: cannot write ${out}: ${describe(err)}.`, { cause: err });
  }
  let done = false;
  let handed = false;
  return {
    kind: 'file',
    path,
    dir: dirname(path),
    file() {
      if (handed) return Promise.reject(new Error('export: a file output has one stream.'));
      handed = true;
      return Promise.resolve(writer);
    },
    async commit() {
      try {
        await writer.end();
        await rename(tmp, path);
        done = true;
      } catch (err) {
        throw new OutputError(`export: cannot write ${out}: ${describe(err)}.`, { cause: err });
      }
    },
    async abort() {
      if (done) return;
      done = true;
      await writer.destroy();
      await unlink(tmp).catch(() => {});
      if (createdDir) await rm(createdDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `out` as a folder of files: checks it is not a file, and creates a hidden
 * staging folder beside it right away (so an unwritable place fails before any work).
 * On commit the staged entries replace same-named entries in `out`; other files in
 * `out` are left alone.
 */
export async function openFolderOutput(out: string): Promise<Output> {
  const path = resolve(out);
  const existing = await statOrNull(path);
  if (existing && !existing.isDirectory()) {
    throw new OutputError(`export: ${out} is a file. This format writes a folder; give a folder path.`);
  }
  const createdDir = await ensureParent(path);
  const staging = tempName(path);
  try {
    await mkdir(staging);
  } catch (err) {
    if (createdDir) await rm(createdDir, { recursive: true, force: true });
    throw new OutputError(`export: cannot write ${out}: ${describe(err)}.`, { cause: err });
  }
  const writers: TextWriter[] = [];
  let done = false;
  return {
    kind: 'folder',
    path,
    dir: staging,
    async file(name = 'out') {
      const w = await openStream(join(staging, name));
      writers.push(w);
      return w;
    },
    async commit() {
      try {
        for (const w of writers) await w.end();
        if (!(await statOrNull(path))) {
          await rename(staging, path);
        } else {
          for (const entry of await readdir(staging)) {
            await rm(join(path, entry), { recursive: true, force: true });
            await rename(join(staging, entry), join(path, entry));
          }
          await rm(staging, { recursive: true, force: true });
        }
        done = true;
      } catch (err) {
        throw new OutputError(`export: cannot write ${out}: ${describe(err)}.`, { cause: err });
      }
    },
    async abort() {
      if (done) return;
      done = true;
      for (const w of writers) await w.destroy();
      await rm(staging, { recursive: true, force: true });
      if (createdDir) await rm(createdDir, { recursive: true, force: true });
    },
  };
}
