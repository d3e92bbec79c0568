import { describe, expect, it } from 'vitest';
import { inShard, normaliseUrl, parseShard, parseUrlList, shardOf, urlKey } from '../../../scripts/crawl/url-list';

describe('URL list hygiene', () => {
  const list = [
    '# a comment',
    '',
    'https://www.example.org/',
    '   ',
    'https://WWW.Example.org/#section', // same URL once normalised
    'ftp://files.example.org/',
    'javascript:alert(1)',
    'not a url at all',
    'http://',
    'example.com',
    'https://user:pw@example.net/',
    'https://example.org/path?q=1',
    '\t# indented comment',
    'x'.repeat(3000),
    'https://example.org/path?q=1',
  ].join('\n');
  const parsed = parseUrlList(`${list}\n`);

  it('keeps each http(s) URL once, in list order, with its line', () => {
    expect(parsed.entries.map((e) => [e.line, e.url])).toEqual([
      [3, 'https://www.example.org/'],
      [10, 'https://example.com/'],
      [12, 'https://example.org/path?q=1'],
    ]);
  });

  it('skips every other line with a reason, never throwing', () => {
    expect(parsed.skipped.map((s) => [s.line, s.reason])).toEqual([
      [5, 'duplicate of line 3'],
      [6, 'scheme ftp: is not http or https'],
      [7, 'scheme javascript: is not http or https'],
      [8, 'not a URL'],
      [9, 'not a URL'],
      [11, 'URL carries a user name or password'],
      [14, 'longer than 2048 characters'],
      [15, 'duplicate of line 12'],
    ]);
    expect(parsed.skipped.find((s) => s.line === 14)?.text.length).toBe(2048);
  });

  it('hashes the list and keys URLs stably', () => {
    expect(parsed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(parseUrlList(`${list}\n`).entries).toEqual(parsed.entries);
    expect(parsed.entries[0]!.key).toBe(urlKey('https://www.example.org/'));
    expect(parsed.entries[0]!.key).toMatch(/^[0-9a-f]{16}$/);
  });

  it('handles an empty list, CRLF line ends and a byte-order mark', () => {
    expect(parseUrlList('')).toMatchObject({ entries: [], skipped: [] });
    const crlf = parseUrlList('\uFEFFhttps://a.example/\r\nhttps://b.example/\r\n');
    expect(crlf.entries.map((e) => e.url)).toEqual(['https://a.example/', 'https://b.example/']);
  });

  it('normalises host case and drops fragments only', () => {
    expect(normaliseUrl('HTTPS://A.Example:443/P?x=1#f')).toEqual({ url: 'https://a.example/P?x=1' });
  });
});

describe('shards', () => {
  const entries = parseUrlList(Array.from({ length: 500 }, (_, i) => `https://site${i}.example/page`).join('\n')).entries;

  it('partition the list: every URL in exactly one shard, in list order', () => {
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, index) => inShard(entries, { index, count }));
      expect(shards.flat().map((e) => e.key).sort()).toEqual(entries.map((e) => e.key).sort());
      for (const shard of shards) expect(shard.map((e) => e.line)).toEqual([...shard.map((e) => e.line)].sort((a, b) => a - b));
      if (count > 1) for (const shard of shards) expect(shard.length).toBeGreaterThan(entries.length / count / 2);
    }
  });

  it('are deterministic: a URL lands in the same shard from any list it is in', () => {
    const key = urlKey('https://site42.example/page');
    const alone = parseUrlList('https://SITE42.example/page#x').entries[0]!;
    expect(alone.key).toBe(key);
    expect(shardOf(alone.key, 5)).toBe(shardOf(key, 5));
  });

  it('parse i/n strictly', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    for (const bad of ['4/4', '1/0', '-1/2', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
});
