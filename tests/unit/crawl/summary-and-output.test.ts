import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { visitToRecord, type ExportRecord } from '../../../lib/export/records';
import type { LogEvent } from '../../../lib/schema';
import { mergeCrawlDirs } from '../../../scripts/crawl/merge-dirs';
import { OutputDir, siteFileName } from '../../../scripts/crawl/output-dir';
import { Progress } from '../../../scripts/crawl/progress';
import { CSV_COLUMNS, classifyFailure, countRecords, skippedRow, summaryCsv, type SummaryRow } from '../../../scripts/crawl/summary';
import { urlKey } from '../../../scripts/crawl/url-list';
import { makeEngagementEvent, makeTrackerEvent, makeVisit } from '../log/make-records';

function session(): ExportRecord[] {
  const visit = makeVisit({ counts: { tracker: 3, ad: 2, darkPattern: 2, engagement: 1, requests: 9, thirdPartyRequests: 5 } });
  const ga = makeTrackerEvent(visit);
  // Provenance only: the fields every kind shares.
  const { url: _u, host: _h, requestType: _r, thirdParty: _t, targeting: _g, tracker: _k, beacon: _b, reasons: _s, ...base } = ga as Extract<LogEvent, { kind: 'tracker' }>;
  const ad = (unitId: string, phase: 'rendered' | 'impression', id: string): LogEvent =>
    ({ ...base, id, kind: 'ad', phase, unitId, network: 'Google Ad Manager', locator: 'div#slot', reasons: [], ruleId: 'ads/gpt-slot@1' }) as unknown as LogEvent;
  const pattern = (category: string, id: string): LogEvent =>
    ({ ...base, id, kind: 'dark-pattern', unitId: id, category, type: 'countdown-timer', confidence: 0.9, evidence: 'Ends in 05:00', locator: 'div', explanationId: 'countdown-timer', reasons: [], ruleId: 'dark-patterns/countdown@1' }) as unknown as LogEvent;
  const events: LogEvent[] = [
    ga,
    makeTrackerEvent(visit, { id: 'fb', tracker: { key: 'facebook', name: 'Facebook', category: 'advertising', organization: { key: 'meta', name: 'Meta' }, matchedBy: 'filter' }, beacon: null }),
    makeTrackerEvent(visit, { id: 'cdn', tracker: null, targeting: false, beacon: { kinds: ['tiny-image'] } }),
    ad('u1', 'rendered', 'a1'),
    ad('u2', 'rendered', 'a2'),
    ad('u1', 'impression', 'a3'),
    pattern('urgency', 'd1'),
    pattern('consent', 'd2'),
    makeEngagementEvent(visit),
  ];
  return [visitToRecord(visit), ...(events as ExportRecord[])];
}

function row(overrides: Partial<SummaryRow>): SummaryRow {
  return { ...skippedRow(1, '', ''), status: 'ok', errors: [], worker: 'w', startedAt: '2026-12-01T00:00:00.000Z', ...overrides };
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beaker-crawl-unit-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('summary counts', () => {
  it('folds a visit and its events: distinct trackers and organizations, beacons, ad units rendered and seen, dark patterns by category', () => {
    const counts = countRecords(session());
    expect(counts).toMatchObject({ visits: 1, requests: 9, thirdPartyRequests: 5, trackerRequests: 2, trackers: 2, organizations: 2, beacons: 2, adsRendered: 2, adsSeen: 1, darkPatterns: 2, possibleDarkPatterns: 0 });
    expect(counts.darkPatternsByCategory).toMatchObject({ urgency: 1, consent: 1, sneaking: 0 });
  });

  it('keeps dark patterns recorded as possible apart: not in darkPatterns or its categories, as not in Targeted', () => {
    const records = session();
    const counted = records.find((r) => r.kind === 'dark-pattern')!;
    // Below the confidence threshold when it was recorded (schema 4).
    records.push({ ...counted, id: 'd3', category: 'sneaking', confidence: 0.4, possible: true } as ExportRecord);
    const counts = countRecords(records);
    expect(counts).toMatchObject({ darkPatterns: 2, possibleDarkPatterns: 1 });
    expect(counts.darkPatternsByCategory).toMatchObject({ urgency: 1, consent: 1, sneaking: 0 });
  });

  it('classifies navigation failures', () => {
    expect(classifyFailure('page.goto: net::ERR_NAME_NOT_RESOLVED at https://x.invalid/')).toBe('dns');
    expect(classifyFailure('page.goto: Timeout 30000ms exceeded.')).toBe('timeout');
    expect(classifyFailure('page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://x/')).toBe('tls');
    expect(classifyFailure('page.goto: net::ERR_SSL_PROTOCOL_ERROR at https://x/')).toBe('tls');
    expect(classifyFailure('page.goto: Page crashed')).toBe('tab-crash');
    expect(classifyFailure('page.goto: Target page, context or browser has been closed')).toBe('browser-crash');
    expect(classifyFailure('page.goto: net::ERR_CONNECTION_REFUSED at https://x/')).toBe('error');
  });

  it('writes RFC 4180 CSV in list order, one column per dark-pattern category', () => {
    const csv = summaryCsv([row({ key: 'b', line: 3, url: 'https://b.example/?q="x",y' }), skippedRow(2, 'ftp://a', 'scheme ftp: is not http or https')]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[0]).toContain('dark_patterns_social_proof');
    expect(lines[1]!.startsWith('line-2,2,ftp://a,,,skipped,')).toBe(true);
    expect(lines[2]).toContain('"https://b.example/?q=""x"",y"');
    expect(lines[1]!.split(',').length).toBe(CSV_COLUMNS.length);
  });
});

describe('output directory', () => {
  it('marks a URL done only after its records are written, under temporary names renamed at the end', () => {
    const dir = tempDir();
    const out = new OutputDir(dir);
    const url = 'https://news.example/';
    const records = session();
    const r = row({ key: urlKey(url), url, records: records.length });
    expect(out.isDone(r.key)).toBe(false);
    out.saveVisit(r, records);
    expect(out.isDone(r.key)).toBe(true);
    expect(readdirSync(join(dir, 'sites'))).toEqual([siteFileName(r).slice('sites/'.length)]);
    expect(readdirSync(join(dir, 'done')).some((n) => n.endsWith('.partial'))).toBe(false);
    expect(out.readRecords(r)).toEqual(records);
  });

  it('treats a corrupt or half-written done file as not done', () => {
    const dir = tempDir();
    const out = new OutputDir(dir);
    writeFileSync(join(dir, 'done', 'aaaaaaaaaaaaaaaa.json'), '{"key": "aaaaaaaaaaaaaaaa", "line": ');
    writeFileSync(join(dir, 'done', 'bbbbbbbbbbbbbbbb.json.partial'), '{}');
    expect(out.isDone('aaaaaaaaaaaaaaaa')).toBe(false);
    expect(out.doneRows()).toEqual([]);
  });

  it('refuses a site file line that is not a record, naming the file and line', () => {
    const dir = tempDir();
    const out = new OutputDir(dir);
    const r = row({ key: urlKey('https://x.example/'), url: 'https://x.example/' });
    out.saveVisit(r, session());
    writeFileSync(join(dir, siteFileName(r)), `${readFileSync(join(dir, siteFileName(r)), 'utf8')}{"kind":"nope"}\n`);
    expect(() => out.readRecords(r)).toThrow(/\.jsonl:11:/);
  });
});

describe('merging crawl directories', () => {
  it('keeps one row per URL (the ok one), deduplicates records by id and writes summary and manifest', () => {
    const [a, b, merged] = [tempDir(), tempDir(), join(tempDir(), 'merged')];
    const url = 'https://news.example/';
    const key = urlKey(url);
    new OutputDir(a).saveVisit(row({ key, url, status: 'timeout', startedAt: '2026-12-01T00:00:00.000Z' }), session().slice(0, 1));
    const records = session();
    new OutputDir(b).saveVisit(row({ key, url, status: 'ok', startedAt: '2026-12-01T00:01:00.000Z' }), [...records, ...records]);
    const other = 'https://other.example/';
    new OutputDir(b).saveVisit(row({ key: urlKey(other), url: other, line: 2 }), []);
    const { rows, duplicates } = mergeCrawlDirs([a, b], merged);
    expect(duplicates).toBe(1);
    expect(rows.map((r) => [r.url, r.status])).toEqual([
      [url, 'ok'],
      [other, 'ok'],
    ]);
    const out = new OutputDir(merged);
    expect(out.readRecords(out.readDone(key)!)).toEqual(records);
    expect(readFileSync(join(merged, 'summary.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(3);
    const manifest = JSON.parse(readFileSync(join(merged, 'manifest.json'), 'utf8'));
    expect(manifest.counts).toMatchObject({ visit: 1, tracker: 3, ad: 3, 'dark-pattern': 2, engagement: 1 });
    expect(manifest.files).toHaveLength(1); // no file for a URL without records
    expect(existsSync(join(merged, 'manifest.json.partial'))).toBe(false);
  });
});

describe('progress', () => {
  it('shows done/total, rate, ETA and failures', () => {
    const lines: string[] = [];
    const p = new Progress(4, (t) => lines.push(t), true);
    p.record(row({ status: 'ok' }));
    p.record(row({ status: 'dns' }));
    expect(lines.at(-1)).toMatch(/^\r\x1b\[2Kcrawl: 2\/4 done, [\d.]+ sites\/min, ETA [^,]+, 1 failed$/);
    const plain: string[] = [];
    new Progress(1, (t) => plain.push(t), false).record(row({ status: 'timeout', url: 'https://t.example/', errors: ['page.goto: Timeout'] }));
    expect(plain).toEqual([expect.stringMatching(/^crawl: 1\/1 timeout https:\/\/t\.example\/ \(\d+ ms; page\.goto: Timeout\)\n$/)]);
  });
});
