import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { ExportRecord } from '../../lib/export/records';
import { CATEGORIES } from '../../lib/dark-patterns/pattern-types';

/**
 * One row of a crawl's `summary.csv` per URL of the list (ARCHITECTURE.md, "Crawl"), and the same
 * row as the URL's done-state on disk (`done/<key>.json`, parsed back with this schema on resume
 * and merge). Counts are folded from the records of the URL's visits; how each is defined is in
 * docs/crawl.md.
 */
export const CRAWL_STATUSES = ['ok', 'dns', 'timeout', 'tls', 'tab-crash', 'browser-crash', 'error', 'skipped'] as const;
export type CrawlStatus = (typeof CRAWL_STATUSES)[number];

const count = z.int().nonnegative();

export const summaryRow = z.object({
  /** `urlKey` of the normalised URL; `line-<n>` for a skipped line. */
  key: z.string().min(1).max(40),
  line: z.int().positive(),
  url: z.string().max(2048),
  /** Registrable domain of the first visit (as the records' `site`), else the URL's host. */
  site: z.string().max(253),
  finalUrl: z.string().max(2048),
  status: z.enum(CRAWL_STATUSES),
  httpStatus: z.int().nullable(),
  visits: count,
  requests: count,
  thirdPartyRequests: count,
  trackerRequests: count,
  trackers: count,
  organizations: count,
  beacons: count,
  adsRendered: count,
  adsSeen: count,
  /** Counted dark patterns (in Targeted); those recorded as `possible` (below the confidence threshold) are apart. */
  darkPatterns: count,
  darkPatternsByCategory: z.record(z.enum(CATEGORIES), count),
  /** Absent in a done file written before schema 4: 0. */
  possibleDarkPatterns: count.default(0),
  errors: z.array(z.string().max(500)).max(20),
  durationMs: count,
  startedAt: z.iso.datetime().nullable(),
  /** Which worker visited it: host name and process id. */
  worker: z.string().max(200),
  /** Records written to the URL's JSON Lines file. */
  records: count,
});
export type SummaryRow = z.infer<typeof summaryRow>;

export function emptyByCategory(): SummaryRow['darkPatternsByCategory'] {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as SummaryRow['darkPatternsByCategory'];
}

export type RecordCounts = Pick<
  SummaryRow,
  | 'visits'
  | 'requests'
  | 'thirdPartyRequests'
  | 'trackerRequests'
  | 'trackers'
  | 'organizations'
  | 'beacons'
  | 'adsRendered'
  | 'adsSeen'
  | 'darkPatterns'
  | 'darkPatternsByCategory'
  | 'possibleDarkPatterns'
>;

/** Fold the records of one URL's visits into the summary's counts. Pure. */
export function countRecords(records: readonly ExportRecord[]): RecordCounts {
  const trackers = new Set<string>();
  const organizations = new Set<string>();
  const rendered = new Set<string>();
  const seen = new Set<string>();
  const byCategory = emptyByCategory();
  const out: RecordCounts = {
    visits: 0,
    requests: 0,
    thirdPartyRequests: 0,
    trackerRequests: 0,
    trackers: 0,
    organizations: 0,
    beacons: 0,
    adsRendered: 0,
    adsSeen: 0,
    darkPatterns: 0,
    darkPatternsByCategory: byCategory,
    possibleDarkPatterns: 0,
  };
  for (const r of records) {
    if (r.kind === 'visit') {
      out.visits += 1;
      out.requests += r.counts.requests;
      out.thirdPartyRequests += r.counts.thirdPartyRequests;
    } else if (r.kind === 'tracker') {
      if (r.tracker) {
        out.trackerRequests += 1;
        trackers.add(r.tracker.key);
        if (r.tracker.organization) organizations.add(r.tracker.organization.key);
      }
      if (r.beacon) out.beacons += 1;
    } else if (r.kind === 'ad') {
      (r.phase === 'rendered' ? rendered : seen).add(`${r.visitId} ${r.unitId}`);
    } else if (r.kind === 'dark-pattern' && r.possible === true) {
      // Shown as "possible", not counted in Targeted (schema 4): kept apart, as the popup does.
      out.possibleDarkPatterns += 1;
    } else if (r.kind === 'dark-pattern') {
      out.darkPatterns += 1;
      if ((CATEGORIES as readonly string[]).includes(r.category)) byCategory[r.category as keyof typeof byCategory] += 1;
    }
  }
  out.trackers = trackers.size;
  out.organizations = organizations.size;
  out.adsRendered = rendered.size;
  out.adsSeen = seen.size;
  return out;
}

/** What a navigation or page error means for the summary's `status`. */
export function classifyFailure(message: string): Exclude<CrawlStatus, 'ok' | 'skipped'> {
  if (/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/.test(message)) return 'dns';
  if (/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL_|SSL_PROTOCOL_ERROR/.test(message)) return 'tls';
  if (/Timeout \d+ ?ms exceeded|ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/.test(message)) return 'timeout';
  if (/crash/i.test(message)) return 'tab-crash';
  if (/Target page, context or browser has been closed|Browser closed|browser has disconnected/i.test(message)) return 'browser-crash';
  return 'error';
}

export const CSV_COLUMNS = [
  'key',
  'line',
  'url',
  'site',
  'final_url',
  'status',
  'http_status',
  'visits',
  'requests',
  'third_party_requests',
  'tracker_requests',
  'trackers',
  'organizations',
  'beacons',
  'ads_rendered',
  'ads_seen',
  'dark_patterns',
  ...CATEGORIES.map((c) => `dark_patterns_${c.replace(/-/g, '_')}`),
  'possible_dark_patterns',
  'errors',
  'duration_ms',
  'started_at',
  'worker',
  'records',
] as const;

function csvFields(row: SummaryRow): (string | number | null)[] {
  return [
    row.key,
    row.line,
    row.url,
    row.site,
    row.finalUrl,
    row.status,
    row.httpStatus,
    row.visits,
    row.requests,
    row.thirdPartyRequests,
    row.trackerRequests,
    row.trackers,
    row.organizations,
    row.beacons,
    row.adsRendered,
    row.adsSeen,
    row.darkPatterns,
    ...CATEGORIES.map((c) => row.darkPatternsByCategory[c]),
    row.possibleDarkPatterns,
    row.errors.join('; '),
    row.durationMs,
    row.startedAt,
    row.worker,
    row.records,
  ];
}

/** The whole CSV, rows in list order: RFC 4180 by csv-stringify (quoted where needed, `\n` line ends, empty for null). */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const sorted = [...rows].sort((a, b) => a.line - b.line || a.key.localeCompare(b.key));
  return stringify([[...CSV_COLUMNS], ...sorted.map(csvFields)], { record_delimiter: 'unix' });
}

/** The row of a list line that is not crawled. */
export function skippedRow(line: number, text: string, reason: string): SummaryRow {
  return {
    key: `line-${line}`,
    line,
    url: text,
    site: '',
    finalUrl: '',
    status: 'skipped',
    httpStatus: null,
    ...countRecords([]),
    errors: [reason],
    durationMs: 0,
    startedAt: null,
    worker: '',
    records: 0,
  };
}
