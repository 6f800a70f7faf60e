/**
 * A real pseudo-terminal for the console tests, from util-linux `script` (part of every Debian,
 * no native module to compile): `script -qfec CMD /dev/null` runs CMD on a new pty and copies
 * our stdin to it, so keystrokes (Tab, Ctrl-C = \x03, Ctrl-D = \x04) reach node:readline as a
 * terminal would send them. The screen output is collected with ANSI escapes removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Pty {
  /** Sends raw keystrokes. */
  write(keys: string): void;
  /** Everything printed so far, escapes removed. */
  output(): string;
  /** Waits until the output (after `from`) matches `pattern`; returns the index after the match. */
  waitFor(pattern: RegExp | string, options?: { from?: number; timeoutMs?: number }): Promise<number>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  kill(): void;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\r/g;

export function spawnPty(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Pty {
  const command = `stty cols 120 rows 40; exec ${argv.map(shellQuote).join(' ')}`;
  const child: ChildProcess = spawn('script', ['-qfec', command, '/dev/null'], {
    env,
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    raw += d.toString('utf8');
    for (const w of [...waiters]) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const output = () => raw.replace(ANSI, '');
  return {
    write: (keys) => child.stdin!.write(keys),
    output,
    exited,
    kill: () => child.kill('SIGKILL'),
    waitFor(pattern, options = {}) {
      const from = options.from ?? 0;
      const test = () => {
        const text = output().slice(from);
        if (typeof pattern === 'string') {
          const i = text.indexOf(pattern);
          return i < 0 ? -1 : from + i + pattern.length;
        }
        const m = pattern.exec(text);
        return m ? from + m.index + m[0].length : -1;
      };
      return new Promise((resolve, reject) => {
        const check = () => {
          const at = test();
          if (at >= 0) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(at);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `pty: no ${String(pattern)} within ${options.timeoutMs ?? 20_000} ms. Screen so far:\n${output().slice(from)}`,
            ),
          );
        }, options.timeoutMs ?? 20_000);
        waiters.add(check);
        check();
      });
    },
  };
}
