import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `npm run crawl` as a separate process in its own process group, so killing the group takes its
 * Chromium with it (the crawl e2e tests: a crawl killed half-way, queue workers on "other machines").
 */
export function spawnCrawl(args: string[]): { child: ChildProcess; exit: Promise<{ code: number | null; stderr: string }>; kill(): void } {
  const child = spawn(resolve('node_modules/.bin/tsx'), ['scripts/crawl.ts', ...args], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>((done) => child.once('exit', (code) => done({ code, stderr })));
  return { child, exit, kill: () => process.kill(-child.pid!, 'SIGKILL') };
}

/** Keys of the URLs done in a crawl directory. */
export function doneKeys(dir: string): string[] {
  return existsSync(join(dir, 'done')) ? readdirSync(join(dir, 'done')).filter((n) => n.endsWith('.json')).sort() : [];
}
