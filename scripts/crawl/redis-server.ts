import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { MissingPrerequisite } from '../lib/chromium';

/**
 * A real `redis-server` (Debian's package) on 127.0.0.1 and a free port, for the crawl's queue
 * tests and bench (ARCHITECTURE.md, "Crawl"): no persistence (`--save '' --appendonly no`),
 * killed by `stop()`.
 */
export interface RedisServer {
  port: number;
  url(queueName: string): string;
  stop(): Promise<void>;
}

export function findRedisServer(): string {
  const found = [process.env.REDIS_SERVER_PATH, '/usr/bin/redis-server'].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new MissingPrerequisite('redis-server is not installed. Install it with: sudo apt-get install -y redis-server   (or set REDIS_SERVER_PATH)');
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServer();
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    port,
    url: (name) => `redis://127.0.0.1:${port}/${name}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
