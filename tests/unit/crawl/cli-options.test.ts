import { describe, expect, it } from 'vitest';
import { parseCrawlCommand } from '../../../scripts/crawl/cli-options';
import { parseQueueUrl, jobData } from '../../../scripts/crawl/redis-queue';
import { redactQueueUrl } from '../../../scripts/crawl/run-crawl';

const error = (argv: string[]) => {
  const c = parseCrawlCommand(argv);
  return c.kind === 'error' ? c.message.split('\n')[0] : `not an error: ${c.kind}`;
};

describe('npm run crawl command line', () => {
  it('has the documented defaults', () => {
    const c = parseCrawlCommand(['--urls', 'l.txt', '--out', 'o']);
    expect(c).toMatchObject({
      kind: 'crawl',
      options: { urlsFile: 'l.txt', out: 'o', dwellSeconds: 10, scroll: false, concurrency: 1, shard: null, resume: false, queue: null, timeoutSeconds: 30, redisTimeoutSeconds: 30, filterListFile: null, mapHostsToPort: null, extensionDir: null },
    });
  });

  it('parses every option', () => {
    const c = parseCrawlCommand(['--urls', 'l', '--out', 'o', '--dwell', '2.5', '--scroll', '--concurrency', '4', '--shard', '1/3', '--resume', '--filter-list', 'f', '--timeout', '9', '--extension', 'e']);
    expect(c).toMatchObject({ kind: 'crawl', options: { dwellSeconds: 2.5, scroll: true, concurrency: 4, shard: { index: 1, count: 3 }, resume: true, filterListFile: 'f', timeoutSeconds: 9, extensionDir: 'e' } });
    expect(parseCrawlCommand(['--queue', 'redis://h:1/q', '--out', 'o'])).toMatchObject({ kind: 'crawl', options: { urlsFile: null, queue: 'redis://h:1/q' } });
    expect(parseCrawlCommand(['--merge', 'a', 'b', '--out', 'm'])).toEqual({ kind: 'merge', inputs: ['a', 'b'], out: 'm' });
  });

  it('refuses bad values with a message naming the option', () => {
    expect(error(['--urls', 'l'])).toBe('--out DIR is required');
    expect(error(['--out', 'o'])).toMatch(/^--urls FILE is required/);
    expect(error(['--urls', 'l', '--out', 'o', '--dwell', 'ten'])).toBe('--dwell takes seconds');
    expect(error(['--urls', 'l', '--out', 'o', '--dwell=-1'])).toBe('--dwell takes 0 to 3600 seconds');
    expect(error(['--urls', 'l', '--out', 'o', '--concurrency', '0'])).toBe('--concurrency takes 1 to 64');
    expect(error(['--urls', 'l', '--out', 'o', '--concurrency', '1.5'])).toBe('--concurrency takes a whole number');
    expect(error(['--urls', 'l', '--out', 'o', '--shard', '3/3'])).toMatch(/--shard 3\/3: need 0 ≤ i < n/);
    expect(error(['--urls', 'l', '--out', 'o', '--shard', '0/2', '--queue', 'redis://h/q'])).toMatch(/do not go together/);
    expect(error(['--urls', 'l', '--out', 'o', '--queue', 'http://h/q'])).toMatch(/--queue takes redis:\/\/HOST:PORT\/NAME/);
    expect(error(['--urls', 'l', '--out', 'o', '--queue', 'redis://h:6379/'])).toMatch(/--queue takes/);
    expect(error(['--urls', 'l', '--out', 'o', '--bogus'])).toMatch(/Unknown option '--bogus'/);
    expect(error(['--urls', 'l', '--out', 'o', 'stray'])).toBe('unexpected argument stray');
  });
});

describe('the Redis queue address and jobs', () => {
  it('reads host, port, credentials and queue name; hides the password in the manifest', () => {
    expect(parseQueueUrl('redis://10.0.0.5:6380/crawl-2026')).toEqual({ connection: { host: '10.0.0.5', port: 6380 }, name: 'crawl-2026' });
    expect(parseQueueUrl('redis://u:p%40ss@h/q')).toEqual({ connection: { host: 'h', port: 6379, username: 'u', password: 'p@ss' }, name: 'q' });
    expect(redactQueueUrl('redis://u:secret@h:1/q')).toBe('redis://u:***@h:1/q');
  });

  it('checks a job before visiting it', () => {
    expect(jobData.safeParse({ url: 'https://a.example/', key: '0123456789abcdef', line: 1 }).success).toBe(true);
    expect(jobData.safeParse({ url: 'https://a.example/', key: 'nope', line: 1 }).success).toBe(false);
    expect(jobData.safeParse({ url: 'not a url', key: '0123456789abcdef', line: 1 }).success).toBe(false);
  });
});
