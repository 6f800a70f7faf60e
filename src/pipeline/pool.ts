/**
 * A small pool of extraction workers. Articles go out round-robin to the least
 * busy worker; results come back with the sequence number they were sent with,
 * so the caller can add them to the graph in input order (determinism).
 */
import { Worker } from 'node:worker_threads';
import type { Article, Extraction } from '../types.js';

type Result = { seq: number; extraction?: Extraction; error?: string };

/**
 * A worker running worker.js, or under tsx (tests, dev scripts), where this module is TypeScript,
 * worker.ts: the worker first registers tsx's loader itself, since `--import tsx` in a worker's
 * execArgv is not honoured by Node 20.
 */
function createWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const api = import.meta.resolve('tsx/esm/api');
  const source = new URL('./worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { eval: true },
  );
}

export class ExtractionPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = createWorker();
      const slot = { worker, busy: 0 };
      worker.on('message', (r: Result) => {
        slot.busy--;
        const p = this.pending.get(r.seq);
        this.pending.delete(r.seq);
        p?.resolve(r);
      });
      worker.on('error', (err) => this.failAll(err));
      worker.on('exit', (code) => {
        if (!this.closed && code !== 0)
          this.failAll(new Error(`pipeline: extraction worker exited with code ${code}.`));
      });
      this.workers.push(slot);
    }
  }

  /** Number of articles sent and not yet returned. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Sends one article; resolves with its extraction (or rejects if the worker died). */
  extract(seq: number, article: Article): Promise<Result> {
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, article });
    });
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Stops the workers; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
