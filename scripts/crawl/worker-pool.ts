import { BrowserWorker, workerName, type VisitOutcome, type WorkerOptions } from './browser-worker';
import type { ListEntry } from './url-list';

/**
 * N crawl workers, one browser each (ARCHITECTURE.md, "Crawl"). `visit` borrows an idle worker for
 * one URL; p-queue (local lists) and BullMQ (a Redis queue) decide how many run at once, so at most
 * N visits ask for a worker at the same time.
 */
export class WorkerPool {
  private readonly idle: BrowserWorker[] = [];
  readonly all: BrowserWorker[] = [];

  constructor(size: number, opts: Omit<WorkerOptions, 'name'>) {
    for (let i = 0; i < size; i++) {
      const worker = new BrowserWorker({ ...opts, name: workerName(i) });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Start every browser now, one after the other (parallel starts on 2 cores time out). */
  async start(): Promise<void> {
    for (const w of this.all) await w.start();
  }

  async visit(entry: ListEntry): Promise<VisitOutcome> {
    const worker = this.idle.pop();
    if (!worker) throw new Error('no idle crawl worker: more visits at once than workers');
    try {
      return await worker.visit(entry);
    } finally {
      this.idle.push(worker);
    }
  }

  browserVersion(): string {
    return this.all.find((w) => w.browserVersion)?.browserVersion ?? '';
  }

  names(): string[] {
    return this.all.map((w) => w.name);
  }

  restarts(): number {
    return this.all.reduce((n, w) => n + w.restarts, 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.close()));
  }
}
