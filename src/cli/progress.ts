/**
 * A progress line for long work, shown only when stderr is a terminal (cli-progress);
 * on a pipe or in CI it prints nothing, but `log` lines still go through.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(status: string): void;
  /** Prints a line above the progress line (or plainly when there is none). */
  log(line: string): void;
  stop(): void;
}

export function createProgress(task: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return { update() {}, log: (line) => stream.write(`${line}\n`), stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${task} {status} ({duration}s)`, stream, fps: 5, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { status: '' });
  return {
    update: (status) => bar.update(0, { status }),
    log: (line) => {
      // cli-progress redraws over the current line; clear it before printing a log line.
      stream.write(`\r\x1b[K${line}\n`);
    },
    stop: () => bar.stop(),
  };
}
