import { createHash } from 'node:crypto';

/**
 * A crawl's URL list, cleaned (ARCHITECTURE.md, "Crawl"): one URL per line; blank lines and `#`
 * comments are ignored; every other line that is not crawled (a duplicate, a non-HTTP scheme, not
 * a URL) is skipped with its reason, which the summary shows. A bare host name (`example.org`, as
 * in ranked top-site lists) means `https://example.org/`. Never throws on a line.
 */
export interface ListEntry {
  /** Stable id of the normalised URL: file names, done-state, queue job ids and shards use it. */
  key: string;
  /** The normalised URL that is visited. */
  url: string;
  /** 1-based line number in the list. */
  line: number;
}

export interface SkippedLine {
  line: number;
  /** The line as written (trimmed, capped at 2,048 characters). */
  text: string;
  reason: string;
}

export interface UrlList {
  entries: ListEntry[];
  skipped: SkippedLine[];
  /** SHA-256 of the list file's bytes, for the manifest. */
  hash: string;
}

const MAX_LINE = 2048;
const BARE_HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

/** The URL a crawl visits for a line, or why it visits none. Fragments are dropped; the host is lower-cased. */
export function normaliseUrl(text: string): { url: string } | { reason: string } {
  const candidate = BARE_HOST.test(text) ? `https://${text}/` : text;
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { reason: 'not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { reason: `scheme ${parsed.protocol} is not http or https` };
  }
  if (parsed.hostname === '') return { reason: 'no host name' };
  if (parsed.username !== '' || parsed.password !== '') return { reason: 'URL carries a user name or password' };
  parsed.hash = '';
  return { url: parsed.href };
}

/** The key of a normalised URL: the first 16 hex digits of its SHA-256. */
export function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}

export function parseUrlList(text: string): UrlList {
  const entries: ListEntry[] = [];
  const skipped: SkippedLine[] = [];
  const firstLine = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  // A trailing newline is not a line.
  if (lines.length > 0 && lines.at(-1) === '') lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/^\uFEFF/, '').trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const shown = trimmed.slice(0, MAX_LINE);
    if (trimmed.length > MAX_LINE) {
      skipped.push({ line, text: shown, reason: `longer than ${MAX_LINE} characters` });
      return;
    }
    const result = normaliseUrl(trimmed);
    if ('reason' in result) {
      skipped.push({ line, text: shown, reason: result.reason });
      return;
    }
    const seen = firstLine.get(result.url);
    if (seen !== undefined) {
      skipped.push({ line, text: shown, reason: `duplicate of line ${seen}` });
      return;
    }
    firstLine.set(result.url, line);
    entries.push({ key: urlKey(result.url), url: result.url, line });
  });
  return { entries, skipped, hash: createHash('sha256').update(text).digest('hex') };
}

export interface Shard {
  index: number;
  count: number;
}

/** `i/n` with 0 ≤ i < n (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX is 0-based). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--shard takes i/n (for example 0/4), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) throw new Error(`--shard ${text}: need 0 ≤ i < n`);
  return { index, count };
}

/** The shard a URL falls in: a hash of its normalised form, so every machine agrees without talking. */
export function shardOf(key: string, count: number): number {
  return Number.parseInt(key.slice(0, 12), 16) % count;
}

export function inShard(entries: readonly ListEntry[], shard: Shard | null): ListEntry[] {
  if (!shard) return [...entries];
  return entries.filter((e) => shardOf(e.key, shard.count) === shard.index);
}
