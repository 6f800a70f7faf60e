/** Opening text files to read as streams, for files too large to hold as one string. */
import { createReadStream, type ReadStream } from 'node:fs';

/**
 * A UTF-8 stream of `path`, once the file is open: a missing or unreadable file rejects here, with
 * the file system's error, rather than later from inside the loop that reads it.
 */
export async function openText(path: string): Promise<ReadStream> {
  const input = createReadStream(path, { encoding: 'utf8' });
  await new Promise<void>((resolve, reject) => {
    input.once('ready', resolve);
    input.once('error', reject);
  });
  return input;
}
