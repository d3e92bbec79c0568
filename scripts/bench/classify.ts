/**
 * Classification cost per request: Beaker's classifier against the raw TrackerDB engine call it is
 * built on (`db.matchUrl({ url, type, sourceUrl })`, with domain metadata, the package default), on
 * the same requests in the same process, alternating which goes first.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createClassifier } from '../../lib/trackers/classify-request';
import { loadTrackerDb } from '../../lib/trackers/trackerdb';
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

export interface MethodStats {
  medianUs: number;
  p90Us: number;
  p99Us: number;
  meanBatchedUs: number;
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
  raw: MethodStats;
  classify: MethodStats;
  /** For reference only (no target): the filter match alone, `getDomainMetadata: false`. */
  rawNoDomain: MethodStats;
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

/** Per-call timing of `fn` over requests[from, to), into `out` at the same indices (ns). Returns a checksum. */
function timeEach(requests: BenchRequest[], from: number, to: number, fn: (r: BenchRequest) => number, out: Float64Array, offset: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const r = requests[i]!;
    const t0 = process.hrtime.bigint();
    sum += fn(r);
    const t1 = process.hrtime.bigint();
    out[offset + i] = Number(t1 - t0);
  }
  return sum;
}

/** One timer around requests[from, to): cost without per-call timer overhead (total ns). */
function timeBatch(requests: BenchRequest[], from: number, to: number, fn: (r: BenchRequest) => number): { ns: number; sum: number } {
  let sum = 0;
  const t0 = process.hrtime.bigint();
  for (let i = from; i < to; i++) sum += fn(requests[i]!);
  const t1 = process.hrtime.bigint();
  return { ns: Number(t1 - t0), sum };
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
  const rounds = opts.rounds ?? 8;
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
  const rawNoDomain = (r: BenchRequest): number =>
    db.matchUrl({ url: r.url, type: r.type as never, sourceUrl: r.documentUrl }, { getDomainMetadata: false }).length;
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

  // Warm-up: JIT every path (and the classifier's host cache, as in a long-lived worker).
  const methods = { raw, cls: classify, ref: rawNoDomain };
  type Method = keyof typeof methods;
  for (let i = 0; i < 3; i++) for (const fn of Object.values(methods)) timeBatch(requests, 0, count, fn);

  const overhead = timerOverhead();
  const perCall: Record<Method, Float64Array> = { raw: new Float64Array(count * rounds), cls: new Float64Array(count * rounds), ref: new Float64Array(count * rounds) };
  const batchNs: Record<Method, number[]> = { raw: [], cls: [], ref: [] };
  let checksum = 0;
  // Interleaved in chunks of CHUNK requests, cycling through all 6 orders of the 3 methods: each
  // method runs in each position equally often, and a burst of load from elsewhere on the machine
  // lands on all of them alike instead of on whichever pass happened to be running.
  const CHUNK = 500;
  const orders: Method[][] = [
    ['raw', 'cls', 'ref'],
    ['cls', 'ref', 'raw'],
    ['ref', 'raw', 'cls'],
    ['raw', 'ref', 'cls'],
    ['cls', 'raw', 'ref'],
    ['ref', 'cls', 'raw'],
  ];
  let step = 0;
  for (let round = 0; round < rounds; round++) {
    const total: Record<Method, number> = { raw: 0, cls: 0, ref: 0 };
    for (let from = 0; from < count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK);
      for (const m of orders[step++ % orders.length]!) {
        checksum += timeEach(requests, from, to, methods[m], perCall[m], round * count);
        const b = timeBatch(requests, from, to, methods[m]);
        total[m] += b.ns;
        checksum += b.sum;
      }
    }
    for (const m of Object.keys(total) as Method[]) batchNs[m].push(total[m] / count);
  }
  if (checksum < 0) log(String(checksum)); // keep the results alive
  const stats = (m: Method): MethodStats => {
    const sorted = sortNumbers(perCall[m]);
    return {
      medianUs: percentileSorted(sorted, 50) / 1000,
      p90Us: percentileSorted(sorted, 90) / 1000,
      p99Us: percentileSorted(sorted, 99) / 1000,
      meanBatchedUs: median(batchNs[m]) / 1000,
    };
  };
  const rawStats = stats('raw');
  const clsStats = stats('cls');
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
    rawNoDomain: stats('ref'),
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
    `samples: ${r.samplesPerMethod} per method (${r.samplesPerMethod / r.requests} rounds, methods interleaved per 500 requests in rotating order, after 3 warm-up passes); hrtime.bigint() overhead ${fmt(r.timerOverheadNs, 0)} ns per sample (included in every per-call figure)`,
    '',
    table(
      ['method', 'median µs', 'p90 µs', 'p99 µs', 'mean µs (one timer per chunk)'],
      [
        ['raw db.matchUrl (domain metadata)', fmt(r.raw.medianUs), fmt(r.raw.p90Us), fmt(r.raw.p99Us), fmt(r.raw.meanBatchedUs)],
        ['classifier.classify', fmt(r.classify.medianUs), fmt(r.classify.p90Us), fmt(r.classify.p99Us), fmt(r.classify.meanBatchedUs)],
        ['ratio classify / raw', `${fmt(r.ratioMedian)}×`, `${fmt(r.classify.p90Us / r.raw.p90Us)}×`, `${fmt(r.ratioP99)}×`, `${fmt(r.ratioMeanBatched)}×`],
        ['(reference) matchUrl, no domain metadata', fmt(r.rawNoDomain.medianUs), fmt(r.rawNoDomain.p90Us), fmt(r.rawNoDomain.p99Us), fmt(r.rawNoDomain.meanBatchedUs)],
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
        [`engine file (loaded in ${fmt(r.memory.loadMs, 1)} ms)`, fmt(r.memory.engineFileMB)],
      ],
    ),
  ].join('\n');
}
