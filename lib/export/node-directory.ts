import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ByteSink, SinkDirectory } from './sink';

/**
 * A `SinkDirectory` on disk for Node (the CLI, the crawl, the bench; ARCHITECTURE.md, "Exports"):
 * each file is written as `<name>.partial` with back-pressure, and renamed to `<name>` only at
 * `commit()`, in the order opened (the manifest last). An export killed half-way leaves only
 * `.partial` files, none that looks complete. Names may contain `/` (subdirectories).
 */
export class NodeDirectory implements SinkDirectory {
  private readonly opened: { final: string; temp: string; stream: WriteStream }[] = [];

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  async open(name: string): Promise<ByteSink> {
    const final = join(this.dir, name);
    const temp = `${final}.partial`;
    mkdirSync(dirname(final), { recursive: true });
    const stream = createWriteStream(temp, { highWaterMark: 1 << 20 });
    this.opened.push({ final, temp, stream });
    let failure: Error | null = null;
    stream.on('error', (error) => {
      failure = error;
    });
    await new Promise<void>((resolve, reject) => {
      stream.once('ready', () => resolve());
      stream.once('error', reject);
    });
    const check = () => {
      if (failure) throw new Error(`writing ${temp}: ${failure.message}`);
    };
    return {
      write: async (chunk) => {
        check();
        if (!stream.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              stream.off('drain', done);
              stream.off('close', done);
              resolve();
            };
            stream.on('drain', done);
            stream.on('close', done);
          });
        }
        check();
      },
      close: async () => {
        check();
        await new Promise<void>((resolve) => stream.end(resolve));
        check();
      },
    };
  }

  async commit(): Promise<void> {
    for (const f of this.opened) {
      if (!f.stream.writableFinished) throw new Error(`export file not closed before commit: ${f.final}`);
    }
    for (const f of this.opened) renameSync(f.temp, f.final);
    this.opened.length = 0;
  }

  async abort(): Promise<void> {
    for (const f of this.opened) {
      f.stream.destroy();
      rmSync(f.temp, { force: true });
    }
    this.opened.length = 0;
  }
}
