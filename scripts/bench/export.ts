/**
 * Export of synthetic events to each format (ARCHITECTURE.md, "Exports"): records/s and peak RSS
 * at 100k and at 1M records, each format in its own Node process (so one format's heap does not
 * count against another), writing real files through the Node sink directory with privacy mode on
 * (the default). Baseline, same run, same records: the generator alone feeding JSON.stringify lines
 * into a plain fs stream (no filters, privacy, manifest or validation): what a naive dump costs.
 * The `source` row is the synthetic generator alone: every other row includes its cost.
 * Target: flat memory, peak RSS at 1M within 64 MB of the peak at 100k.
 *
 *   npm run bench -- --only export
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeDirectory } from '../../lib/export/node-directory';
import { runExport } from '../../lib/export/run-export';
import type { ExportRecord } from '../../lib/export/records';
import { SCHEMA_VERSION, emptyCounts } from '../../lib/schema';
import { fmt, log, rng, table, verdict } from './stats';

type Mode = 'source' | 'baseline' | 'jsonl' | 'csv' | 'parquet';
const MODES: Mode[] = ['source', 'baseline', 'jsonl', 'csv', 'parquet'];
const FLAT_MB = 64;

export interface ExportCheckpoint {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  maxRssMb: number;
}

export interface ExportRun {
  mode: Mode;
  checkpoints: ExportCheckpoint[];
  bytes: number;
  files: number;
}

export interface ExportResult {
  records: number;
  checkpoint: number;
  runs: ExportRun[];
  /** Per format: peak RSS at the end minus at the checkpoint, MB. */
  growthMb: Record<string, number>;
  flat: boolean;
}

const ORGS = [
  ['google_analytics', 'Google Analytics', 'site_analytics', 'google', 'Google', 'www.google-analytics.com', '/g/collect?v=2&tid=G-1&cid='],
  ['facebook', 'Facebook', 'advertising', 'meta', 'Meta', 'www.facebook.com', '/tr?id=123&ev=PageView&fbclid='],
  ['doubleclick', 'DoubleClick', 'advertising', 'google', 'Google', 'securepubads.g.doubleclick.net', '/gampad/ads?iu=/1/x&correlator='],
  ['criteo', 'Criteo', 'advertising', 'criteo', 'Criteo', 'static.criteo.net', '/js/ld/publishertag.js?v='],
] as const;

/** Deterministic records: per visit, one visit record, 20 trackers, 2 ads, 1 dark pattern, 3 engagement acts. */
export function* syntheticRecords(total: number): Generator<ExportRecord> {
  const random = rng(8);
  let seq = 0;
  let made = 0;
  const t0 = Date.parse('2026-11-01T00:00:00.000Z');
  for (let v = 0; made < total; v++) {
    const site = `site${v % 500}.example`;
    const url = `https://www.${site}/article/${v}?utm_source=news&ref=${v % 7}#top`;
    const startedAt = new Date(t0 + v * 60_000).toISOString();
    const visitId = `s1:v${v}`;
    made++;
    yield {
      kind: 'visit', id: visitId, schemaVersion: SCHEMA_VERSION, sessionId: 's1', tabId: v % 9, url, site, navigation: 'load', startedAt,
      day: startedAt.slice(0, 10), arrivalParams: ['utm_source'], counts: { ...emptyCounts(), tracker: 20, ad: 2, darkPattern: 1, engagement: 3, requests: 60, thirdPartyRequests: 40 },
      seenFromStart: v % 50 !== 0, droppedEvents: 0,
    } as ExportRecord;
    for (let i = 0; i < 26 && made < total; i++, made++) {
      const n = seq++;
      const base = {
        id: `s1:${n}`, schemaVersion: SCHEMA_VERSION, extensionVersion: '0.1.0', trackerDbVersion: 'bench/engine-0', visitId, tabId: v % 9,
        frameId: i % 3, topUrl: url, site, time: new Date(t0 + v * 60_000 + i * 100).toISOString(), sessionId: 's1', seq: n,
      };
      if (i < 20) {
        const [key, name, category, orgKey, orgName, host, path] = ORGS[Math.floor(random() * ORGS.length)]!;
        yield {
          ...base, kind: 'tracker', ruleId: `trackerdb/${key}`, url: `https://${host}${path}${Math.floor(random() * 1e9)}`, host, requestType: i % 4 === 0 ? 'ping' : 'image',
          thirdParty: true, targeting: true, tracker: { key, name, category, organization: { key: orgKey, name: orgName }, matchedBy: 'filter' },
          beacon: i % 4 === 0 ? { kinds: ['ping'] } : null, reasons: [{ rule: 'trackerdb/filter', detail: `${name} (${category}, ${orgName})` }],
        } as ExportRecord;
      } else if (i < 22) {
        yield { ...base, kind: 'ad', ruleId: 'ads/gpt-slot@1', phase: i === 20 ? 'rendered' : 'impression', unitId: `u${v}`, network: 'Google Ad Manager', locator: '#top-ad', reasons: [{ rule: 'ads/gpt-slot@1/slot-div', detail: 'div#top-ad' }] } as ExportRecord;
      } else if (i === 22) {
        yield {
          ...base, kind: 'dark-pattern', ruleId: 'dark-patterns/text-patterns@1', unitId: `d${v}`, category: 'scarcity', type: 'low-stock', confidence: 0.8,
          evidence: 'Only 2 left in stock, order now', locator: 'main > p:nth-of-type(2)', explanationId: 'scarcity/low-stock', reasons: [{ rule: 'text@1/scarcity/low-stock', detail: 'in a p' }],
        } as ExportRecord;
      } else {
        yield { ...base, kind: 'engagement', ruleId: 'engagement@1/click', action: 'click', target: { tag: 'button', role: null } } as ExportRecord;
      }
    }
  }
}

function checkpoint(records: number, started: number): ExportCheckpoint {
  const seconds = (performance.now() - started) / 1000;
  return { records, seconds, recordsPerSecond: records / seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function dirStats(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, name));
    if (s.isFile()) {
      bytes += s.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** One mode in this process (the child's job). */
async function runMode(mode: Mode, total: number, at: number, dir: string): Promise<ExportRun> {
  const checkpoints: ExportCheckpoint[] = [];
  const started = performance.now();
  if (mode === 'source') {
    let n = 0;
    for (const _ of syntheticRecords(total)) if (++n === at) checkpoints.push(checkpoint(n, started));
  } else if (mode === 'baseline') {
    // Same chunking and stream buffer as the real writers (lib/export/sink.ts, node-directory.ts).
    const out = createWriteStream(join(dir, 'dump.jsonl'), { highWaterMark: 1 << 20 });
    let n = 0;
    let chunk = '';
    const flush = async () => {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    };
    for (const r of syntheticRecords(total)) {
      chunk += `${JSON.stringify(r)}\n`;
      if (chunk.length >= 1 << 16) await flush();
      if (++n === at) checkpoints.push(checkpoint(n, started));
    }
    await flush();
    await new Promise<void>((resolve) => out.end(() => resolve()));
  } else {
    await runExport({
      records: syntheticRecords(total),
      format: mode,
      directory: new NodeDirectory(dir),
      manifest: { producer: { name: 'bench', version: '0' }, browsers: [] },
      progressEvery: at,
      onProgress: (n) => {
        if (n === at) checkpoints.push(checkpoint(n, started));
      },
    });
  }
  checkpoints.push(checkpoint(total, started));
  return { mode, checkpoints, ...dirStats(dir) };
}

function runChild(mode: Mode, total: number, at: number): Promise<ExportRun> {
  const dir = mkdtempSync(join(tmpdir(), `beaker-bench-export-${mode}-`));
  const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [import.meta.filename, '--child', mode, String(total), String(at), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`export bench child (${mode}) exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as ExportRun);
    });
  });
}

export async function benchExport(options: { records?: number; checkpoint?: number } = {}): Promise<ExportResult> {
  const records = options.records ?? 1_000_000;
  const at = options.checkpoint ?? 100_000;
  const runs: ExportRun[] = [];
  for (const mode of MODES) {
    log(`  export: ${mode}, ${records.toLocaleString('en')} records…`);
    runs.push(await runChild(mode, records, at));
  }
  const growthMb: Record<string, number> = {};
  for (const r of runs) growthMb[r.mode] = r.checkpoints.at(-1)!.maxRssMb - r.checkpoints[0]!.maxRssMb;
  const flat = runs.filter((r) => r.mode !== 'baseline' && r.mode !== 'source').every((r) => growthMb[r.mode]! <= FLAT_MB);
  return { records, checkpoint: at, runs, growthMb, flat };
}

export function printExport(r: ExportResult): string {
  const base = r.runs.find((x) => x.mode === 'baseline')!.checkpoints.at(-1)!.recordsPerSecond;
  const rows = r.runs.map((run) => {
    const [first, last] = [run.checkpoints[0]!, run.checkpoints.at(-1)!];
    return [
      run.mode === 'baseline' ? 'baseline (JSON.stringify → fs)' : run.mode === 'source' ? 'source (generator only)' : run.mode,
      Math.round(first.recordsPerSecond).toLocaleString('en'),
      Math.round(last.recordsPerSecond).toLocaleString('en'),
      fmt(last.recordsPerSecond / base, 2),
      fmt(first.maxRssMb, 0),
      fmt(last.maxRssMb, 0),
      fmt(r.growthMb[run.mode]!, 0),
      fmt(run.bytes / 1e6, 0),
    ];
  });
  return [
    `export: ${r.records.toLocaleString('en')} synthetic records (27 per visit: 1 visit, 20 trackers, 2 ads, 1 dark pattern, 3 engagement), privacy on, one process per format`,
    table(['format', `rec/s @${r.checkpoint / 1000}k`, `rec/s @${r.records / 1000}k`, '× baseline', `RSS MB @${r.checkpoint / 1000}k`, `RSS MB @${r.records / 1000}k`, 'growth MB', 'output MB'], rows),
    `flat memory (peak RSS at ${r.records / 1000}k within ${FLAT_MB} MB of ${r.checkpoint / 1000}k, every format): ${verdict(r.flat)}`,
  ].join('\n');
}

if (process.argv[2] === '--child') {
  const [, , , mode, total, at, dir] = process.argv;
  runMode(mode as Mode, Number(total), Number(at), dir!).then(
    (run) => console.log(JSON.stringify(run)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
