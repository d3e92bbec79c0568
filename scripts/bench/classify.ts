/**
 * Classification cost per request: Beaker's classifier against the raw TrackerDB engine call it is
 * built on (`db.matchUrl({ url, type, sourceUrl })`, with domain metadata, the package default), on
 * the same requests in the same process, alternating which goes first.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createClassifier } from '../../lib/network/classify-request';
import { loadTrackerDb } from '../../lib/network/trackerdb';
import { TRACKERDB_ENGINE_PATH, trackerDbDataVersion } from '../../tests/helpers/trackerdb-node';
import { ORDINARY_REQUESTS, TARGETING_REQUESTS, type CorpusRequest } from '../../tests/unit/fixtures/request-corpus';
import { fmt, log, median, percentileSorted, ratio, rng, sortNumbers, table, verdict } from './stats';

export interface BenchRequest {
  url: string;
  type: string;
  documentUrl: string;
  /** How it was generated: from a tracker row of the corpus, or an ordinary one. */
  fromTracker: boolean;
}

export interface ClassifyOptions {
  requests?: number;
  rounds?: number;
  seed?: number;
}

export interface ClassifyResult {
  requests: number;
  distinctHosts: number;
  generatedFromTrackers: number;
  classifiedTargeting: number;
  classifiedFinding: number;
  rawMatched: number;
  requestTypes: Record<string, number>;
  samplesPerMethod: number;
  timerOverheadNs: number;
  raw: { medianUs: number; p90Us: number; p99Us: number; meanBatchedUs: number };
  classify: { medianUs: number; p90Us: number; p99Us: number; meanBatchedUs: number };
  ratioMedian: number;
  ratioP99: number;
  ratioMeanBatched: number;
  targets: { ratioMedian: 'PASS' | 'MISS'; ratioP99: 'PASS' | 'MISS'; classifyMedian: 'PASS' | 'MISS' };
  memory: {
    engineFileMB: number;
    loadMs: number;
    heapBeforeMB: number;
    heapAfterLoadMB: number;
    heapDeltaMB: number;
    heapRatio: number;
    arrayBuffersDeltaMB: number;
    heapAfterBenchMB: number;
  };
}

/** Pages the generated requests come from: a handful of sites, as in a browsing session. */
const PAGES = [
  'https://news.example/article',
  'https://news.example/world/2024/elections-live?ref=home',
  'https://shop.example/',
  'https://shop.example/checkout/thanks',
  'https://www.recipes-blog.org/pasta/carbonara',
  'https://video.example.com/watch?v=abc123',
  'https://forum.example.net/t/benchmarks/42',
];

/** Corpus rows served from the corpus's own first-party sites: they move with the page. */
const CORPUS_SITES = ['news.example', 'shop.example'];

const MB = 1024 * 1024;
const QUERY_KEYS = ['cb', 'rnd', 'v', 'id', 'cid', 'sid', 'ts', 'page', 'ord', '_'];
const TYPES_SOMETIMES = ['xmlhttprequest', 'image', 'script', 'other'];

function hostOfPage(page: string): string {
  return new URL(page).hostname;
}

function rehost(url: string, pageHost: string): string {
  const u = new URL(url);
  for (const site of CORPUS_SITES) {
    if (u.hostname === site || u.hostname.endsWith(`.${site}`)) {
      u.hostname = u.hostname.slice(0, u.hostname.length - site.length) + pageHost.replace(/^www\./, '');
      return u.toString();
    }
  }
  return url;
}

function token(next: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(next() * 36)];
  return s;
}

/**
 * `count` requests: corpus rows as they are, and variations of them (query strings, paths,
 * subdomains) on a handful of pages; about `trackerShare` of them generated from tracker rows.
 */
export function generateRequests(count: number, seed: number, trackerShare = 0.3): BenchRequest[] {
  const next = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const trackers = TARGETING_REQUESTS;
  const ordinary = ORDINARY_REQUESTS.filter((r) => r.type !== 'main_frame');
  const out: BenchRequest[] = [];
  while (out.length < count) {
    const page = pick(PAGES);
    const pageHost = hostOfPage(page);
    // One document request per page view, then its subresources.
    if (next() < 0.02) {
      out.push({ url: page, type: 'main_frame', documentUrl: page, fromTracker: false });
      continue;
    }
    const fromTracker = next() < trackerShare;
    const row: CorpusRequest = fromTracker ? pick(trackers) : pick(ordinary);
    let url = rehost(row.url, pageHost);
    let type = row.type;
    const variant = next();
    const u = new URL(url);
    if (variant < 0.4) {
      // As in the corpus: the same script or pixel on every page.
    } else if (variant < 0.7) {
      // Cache busters and ids in the query string.
      const n = 1 + Math.floor(next() * 3);
      for (let i = 0; i < n; i++) u.searchParams.set(pick(QUERY_KEYS), token(next, 4 + Math.floor(next() * 12)));
      url = u.toString();
    } else if (variant < 0.9) {
      // Another file on the same host: a hashed bundle name, an id in the path.
      const segments = u.pathname.split('/');
      const last = segments.pop() ?? '';
      const ext = /\.[a-z0-9]+$/i.exec(last)?.[0] ?? '';
      segments.push(`${token(next, 2 + Math.floor(next() * 10))}${ext}`);
      if (next() < 0.3) segments.splice(1, 0, token(next, 3));
      u.pathname = segments.join('/');
      url = u.toString();
    } else {
      // Another subdomain of the same site (CDN shards, regional endpoints).
      const labels = u.hostname.split('.');
      if (labels.length > 2 && next() < 0.5) labels[0] = `${labels[0]}${Math.floor(next() * 9) + 1}`;
      else labels.unshift(token(next, 3 + Math.floor(next() * 5)));
      u.hostname = labels.join('.');
      url = u.toString();
    }
    if (next() < 0.05) type = pick(TYPES_SOMETIMES);
    out.push({ url, type, documentUrl: page, fromTracker });
  }
  return out;
}

function exposeGc(): () => void {
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/** Per-call timing of `fn` over every request, into `out` (ns). Returns a checksum. */
function timeEach(requests: BenchRequest[], fn: (r: BenchRequest) => number, out: Float64Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i]!;
    const t0 = process.hrtime.bigint();
    sum += fn(r);
    const t1 = process.hrtime.bigint();
    out[offset + i] = Number(t1 - t0);
  }
  return sum;
}

/** One timer around the whole pass: mean cost without per-call timer overhead (ns per request). */
function timeBatch(requests: BenchRequest[], fn: (r: BenchRequest) => number): { ns: number; sum: number } {
  let sum = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < requests.length; i++) sum += fn(requests[i]!);
  const t1 = process.hrtime.bigint();
  return { ns: Number(t1 - t0) / requests.length, sum };
}

function timerOverhead(): number {
  const samples = new Float64Array(20_000);
  for (let i = 0; i < samples.length; i++) {
    const t0 = process.hrtime.bigint();
    const t1 = process.hrtime.bigint();
    samples[i] = Number(t1 - t0);
  }
  return median(samples);
}

export async function benchClassify(opts: ClassifyOptions = {}): Promise<ClassifyResult> {
  const count = opts.requests ?? 12_000;
  const rounds = opts.rounds ?? 6;
  const gc = exposeGc();

  // Memory: heap before and after loading the engine, as the extension loads it (bytes → deserialise).
  // Only the engine keeps a reference to the bytes, so the ArrayBuffer delta is what it retains.
  const dataVersion = trackerDbDataVersion();
  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const { db, byteLength } = await (async () => {
    const bytes = new Uint8Array(readFileSync(TRACKERDB_ENGINE_PATH));
    return { db: await loadTrackerDb(bytes, dataVersion), byteLength: bytes.byteLength };
  })();
  const loadMs = performance.now() - t0;
  gc();
  const after = process.memoryUsage();

  const classifier = createClassifier(db);
  const requests = generateRequests(count, opts.seed ?? 20240601);
  const requestTypes: Record<string, number> = {};
  for (const r of requests) requestTypes[r.type] = (requestTypes[r.type] ?? 0) + 1;

  const raw = (r: BenchRequest): number => db.matchUrl({ url: r.url, type: r.type as never, sourceUrl: r.documentUrl }).length;
  const classify = (r: BenchRequest): number => (classifier.classify({ url: r.url, type: r.type, documentUrl: r.documentUrl }) === null ? 0 : 1);

  // What the mix turned out to be, by the classifier's own verdict.
  let targeting = 0;
  let finding = 0;
  let rawMatched = 0;
  for (const r of requests) {
    const f = classifier.classify({ url: r.url, type: r.type, documentUrl: r.documentUrl });
    if (f) finding += 1;
    if (f?.targeting) targeting += 1;
    if (raw(r) > 0) rawMatched += 1;
  }

  // Warm-up: JIT both paths (and the classifier's host cache, as in a long-lived worker).
  for (let i = 0; i < 3; i++) {
    timeBatch(requests, raw);
    timeBatch(requests, classify);
  }

  const overhead = timerOverhead();
  const rawNs = new Float64Array(count * rounds);
  const clsNs = new Float64Array(count * rounds);
  const rawBatch: number[] = [];
  const clsBatch: number[] = [];
  let checksum = 0;
  for (let round = 0; round < rounds; round++) {
    // Alternate which method goes first (ABBA…), so neither always runs on a warmer cache.
    const order = round % 2 === 0 ? (['raw', 'cls'] as const) : (['cls', 'raw'] as const);
    for (const which of order) {
      if (which === 'raw') {
        checksum += timeEach(requests, raw, rawNs, round * count);
        const b = timeBatch(requests, raw);
        rawBatch.push(b.ns);
        checksum += b.sum;
      } else {
        checksum += timeEach(requests, classify, clsNs, round * count);
        const b = timeBatch(requests, classify);
        clsBatch.push(b.ns);
        checksum += b.sum;
      }
    }
  }
  if (checksum < 0) log(String(checksum)); // keep the results alive
  gc();
  const afterBench = process.memoryUsage();

  const rawSorted = sortNumbers(rawNs);
  const clsSorted = sortNumbers(clsNs);
  const us = (ns: number) => ns / 1000;
  const rawStats = {
    medianUs: us(percentileSorted(rawSorted, 50)),
    p90Us: us(percentileSorted(rawSorted, 90)),
    p99Us: us(percentileSorted(rawSorted, 99)),
    meanBatchedUs: us(median(rawBatch)),
  };
  const clsStats = {
    medianUs: us(percentileSorted(clsSorted, 50)),
    p90Us: us(percentileSorted(clsSorted, 90)),
    p99Us: us(percentileSorted(clsSorted, 99)),
    meanBatchedUs: us(median(clsBatch)),
  };
  const ratioMedian = ratio(clsStats.medianUs, rawStats.medianUs);
  const ratioP99 = ratio(clsStats.p99Us, rawStats.p99Us);
  return {
    requests: count,
    distinctHosts: new Set(requests.map((r) => new URL(r.url).hostname)).size,
    generatedFromTrackers: requests.filter((r) => r.fromTracker).length,
    classifiedTargeting: targeting,
    classifiedFinding: finding,
    rawMatched,
    requestTypes,
    samplesPerMethod: count * rounds,
    timerOverheadNs: overhead,
    raw: rawStats,
    classify: clsStats,
    ratioMedian,
    ratioP99,
    ratioMeanBatched: ratio(clsStats.meanBatchedUs, rawStats.meanBatchedUs),
    targets: {
      ratioMedian: verdict(ratioMedian <= 1.3),
      ratioP99: verdict(ratioP99 <= 1.3),
      classifyMedian: verdict(clsStats.medianUs < 20),
    },
    memory: {
      engineFileMB: byteLength / MB,
      loadMs,
      heapBeforeMB: before.heapUsed / MB,
      heapAfterLoadMB: after.heapUsed / MB,
      heapDeltaMB: (after.heapUsed - before.heapUsed) / MB,
      heapRatio: ratio(after.heapUsed, before.heapUsed),
      arrayBuffersDeltaMB: (after.arrayBuffers - before.arrayBuffers) / MB,
      heapAfterBenchMB: afterBench.heapUsed / MB,
    },
  };
}

export function printClassify(r: ClassifyResult): string {
  const pct = (n: number) => `${((100 * n) / r.requests).toFixed(1)}%`;
  const types = Object.entries(r.requestTypes)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return [
    `== classify: per-request cost, Beaker classifier vs raw TrackerDB matchUrl (same ${r.requests} requests, same run)`,
    `requests: ${r.requests} (${r.distinctHosts} distinct hosts, ${PAGES.length} pages); generated from tracker rows ${pct(r.generatedFromTrackers)}; classified targeting ${pct(r.classifiedTargeting)}, any finding ${pct(r.classifiedFinding)}; raw matchUrl matched ${pct(r.rawMatched)}`,
    `types: ${types}`,
    `samples: ${r.samplesPerMethod} per method (${r.samplesPerMethod / r.requests} alternating rounds, after 3 warm-up passes); hrtime.bigint() overhead ${fmt(r.timerOverheadNs, 0)} ns per sample (included in both)`,
    '',
    table(
      ['method', 'median µs', 'p90 µs', 'p99 µs', 'mean µs (one timer per pass)'],
      [
        ['raw db.matchUrl (domain metadata)', fmt(r.raw.medianUs), fmt(r.raw.p90Us), fmt(r.raw.p99Us), fmt(r.raw.meanBatchedUs)],
        ['classifier.classify', fmt(r.classify.medianUs), fmt(r.classify.p90Us), fmt(r.classify.p99Us), fmt(r.classify.meanBatchedUs)],
        ['ratio classify / raw', `${fmt(r.ratioMedian)}×`, '', `${fmt(r.ratioP99)}×`, `${fmt(r.ratioMeanBatched)}×`],
      ],
    ),
    '',
    table(
      ['target', 'measured', 'result'],
      [
        ['classify/raw at median ≤ 1.3×', `${fmt(r.ratioMedian)}×`, r.targets.ratioMedian],
        ['classify/raw at p99 ≤ 1.3×', `${fmt(r.ratioP99)}×`, r.targets.ratioP99],
        ['classify median < 20 µs', `${fmt(r.classify.medianUs)} µs`, r.targets.classifyMedian],
      ],
    ),
    '',
    table(
      ['memory (Node, after gc)', 'MB'],
      [
        ['heap used before loading the engine', fmt(r.memory.heapBeforeMB)],
        ['heap used after loading the engine', fmt(r.memory.heapAfterLoadMB)],
        [`  delta (after/before = ${fmt(r.memory.heapRatio)}×)`, fmt(r.memory.heapDeltaMB)],
        ['  + ArrayBuffer delta (engine bytes it keeps, off heap)', fmt(r.memory.arrayBuffersDeltaMB)],
        ['heap used after the bench (host cache filled)', fmt(r.memory.heapAfterBenchMB)],
        [`engine file (loaded in ${fmt(r.memory.loadMs, 1)} ms)`, fmt(r.memory.engineFileMB)],
      ],
    ),
  ].join('\n');
}
