/**
 * Splits a byte stream into lines without holding more than one line: JSONL files and
 * stdin are read this way, so their size does not matter, only the size of one record.
 * Works on bytes (0x0A never occurs inside a UTF-8 sequence), so each line is decoded on
 * its own and a bad line is reported with its number.
 */

/** One line: its bytes (without the line break), or `bytes: undefined` when longer than the limit. */
export interface RawLine {
  /** 1-based line number. */
  lineNo: number;
  bytes: Buffer | undefined;
  /** Length in bytes, also for a line over the limit. */
  length: number;
}

/** Yields the lines of `chunks`; a line longer than `maxLineBytes` is counted but not kept. */
export async function* splitLines(
  chunks: AsyncIterable<Buffer | Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let lineNo = 0;
  const take = (): RawLine => {
    lineNo++;
    let bytes: Buffer | undefined;
    if (!tooLong) {
      bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    }
    const line = { lineNo, bytes, length };
    parts = [];
    length = 0;
    tooLong = false;
    return line;
  };
  const add = (piece: Buffer): void => {
    if (piece.length === 0) return;
    length += piece.length;
    if (tooLong) return;
    if (length > maxLineBytes) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(piece);
  };
  for await (const raw of chunks) {
    const chunk =
      typeof raw === 'string'
        ? Buffer.from(raw)
        : Buffer.isBuffer(raw)
          ? raw
          : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      add(chunk.subarray(start, nl));
      yield take();
      start = nl + 1;
    }
    add(chunk.subarray(start));
  }
  if (length > 0) yield take();
}
