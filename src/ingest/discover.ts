/**
 * Inputs → files to read. Walks folders recursively in a stable order (names sorted by
 * code unit, so the order does not depend on the locale or the file system), follows
 * symbolic links, and reports what cannot be read. Inside folders it passes over hidden
 * entries and other file types quietly; a path named on the command line is always either
 * read or reported as skipped.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { compareStrings } from '../util/text.js';
import { FORMAT_BY_EXTENSION, formatOfPath, type Format } from './formats/index.js';

/** A file to read. */
export interface FileEntry {
  kind: 'file';
  /** The path as the user wrote it, joined with the folders below it. */
  path: string;
  /** The article id: the path relative to the input's parent folder, with `/` separators. */
  id: string;
  /** `null`: no extension, sniff the content. */
  format: Format | null;
}

export type DiscoveredEntry = FileEntry | { kind: 'stdin' } | { kind: 'skipped'; path: string; reason: string };

/** Quiet notices about files passed over inside folders. */
export type IgnoredCallback = (path: string, reason: string) => void;

const SUPPORTED = Object.keys(FORMAT_BY_EXTENSION).join(', ');

/** One-line reason for a failed file-system call. */
export function fsErrorReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOTDIR':
      return 'not a directory (a part of the path is a file)';
    case 'ENAMETOOLONG':
      return 'path too long';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read (${e.code ?? e.message})`;
  }
}

const fileKey = (s: Stats): string => `${s.dev}:${s.ino}`;
const childId = (id: string, name: string): string => (id ? `${id}/${name}` : name);

/** Walk state shared by all inputs of one call. (Files reached twice are caught when read, by device and inode.) */
interface WalkState {
  /** Folders already walked (device:inode). */
  seenDirs: Set<string>;
  stdinTaken: boolean;
  onIgnored: IgnoredCallback;
}

/** Yields the files, stdin markers and skipped paths of `inputs`, in order. */
export async function* discover(
  inputs: readonly string[],
  onIgnored: IgnoredCallback,
): AsyncGenerator<DiscoveredEntry> {
  const state: WalkState = { seenDirs: new Set(), stdinTaken: false, onIgnored };
  for (const input of inputs) {
    if (input === '-') {
      if (state.stdinTaken) onIgnored('-', 'stdin already read');
      else yield { kind: 'stdin' };
      state.stdinTaken = true;
      continue;
    }
    const path = input.length > 1 ? input.replace(/[\\/]+$/, '') || input : input;
    let st: Stats;
    try {
      st = await stat(path);
    } catch (err) {
      yield { kind: 'skipped', path: input, reason: await statFailure(path, err) };
      continue;
    }
    // Ids are relative to the input's parent folder: `build examples/articles` → `articles/…`.
    const name = basename(resolve(path));
    if (st.isDirectory()) {
      if (state.seenDirs.has(fileKey(st))) {
        onIgnored(input, 'folder already read');
        continue;
      }
      let found = 0;
      for await (const entry of walkDir(path, name, [fileKey(st)], state)) {
        found++;
        yield entry;
      }
      if (found === 0)
        yield { kind: 'skipped', path: input, reason: `no files to read in this folder (expected ${SUPPORTED})` };
    } else if (st.isFile()) {
      const format = formatOfPath(path);
      if (format === undefined) {
        yield { kind: 'skipped', path: input, reason: `unsupported file type; expected ${SUPPORTED}` };
      } else {
        yield { kind: 'file', path, id: name || path, format };
      }
    } else {
      yield { kind: 'skipped', path: input, reason: 'not a regular file or folder' };
    }
  }
}

/** Why `stat` failed, telling a broken symbolic link from a missing path. */
async function statFailure(path: string, err: unknown): Promise<string> {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
    const link = await lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink()) {
      const target = await readlink(path).catch(() => '?');
      return `broken symbolic link (its target ${target} does not exist)`;
    }
  }
  return fsErrorReason(err);
}

async function* walkDir(
  dir: string,
  id: string,
  ancestors: string[],
  state: WalkState,
): AsyncGenerator<DiscoveredEntry> {
  state.seenDirs.add(ancestors[ancestors.length - 1]!);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'skipped', path: dir, reason: fsErrorReason(err) };
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) {
      state.onIgnored(path, 'hidden');
      continue;
    }
    // A regular file needs no stat here: its size is checked when it is opened.
    if (entry.isFile()) {
      const format = formatOfPath(entry.name);
      if (format == null) state.onIgnored(path, 'not a supported file type');
      else yield { kind: 'file', path, id: childId(id, entry.name), format };
      continue;
    }
    let st: Stats;
    try {
      st = await stat(path);
    } catch (err) {
      yield { kind: 'skipped', path, reason: await statFailure(path, err) };
      continue;
    }
    const key = fileKey(st);
    if (st.isDirectory()) {
      if (ancestors.includes(key)) {
        yield { kind: 'skipped', path, reason: 'directory loop (a link back to a folder above it)' };
      } else if (state.seenDirs.has(key)) {
        state.onIgnored(path, 'folder already read through another path');
      } else {
        yield* walkDir(path, childId(id, entry.name), [...ancestors, key], state);
      }
    } else if (st.isFile()) {
      const format = formatOfPath(entry.name);
      if (format == null) {
        state.onIgnored(path, 'not a supported file type');
      } else {
        yield { kind: 'file', path, id: childId(id, entry.name), format };
      }
    } else {
      state.onIgnored(path, 'not a regular file');
    }
  }
}
