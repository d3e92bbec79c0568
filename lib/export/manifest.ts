import { z } from 'zod/mini';
import { AD_LABELS_VERSION } from '../ads/ad-labels';
import { TEXT_RULES_VERSION } from '../dark-patterns/text-rules';
import { FAMILIES } from '../registry';
import { detectorsOf } from '../registry-page';
import { SCHEMA_VERSION, isoTime, nonNegativeInt } from '../schema/common';
import { BEACON_RULES_VERSION } from '../trackers/beacon-rules';
import { PRIVACY_RULES_VERSION, type PrivacyMode } from './privacy';
import { RECORD_KINDS, type ExportRecord, type RecordKind } from './records';

/**
 * The manifest that sits beside every export and crawl output (ARCHITECTURE.md, "Exports"):
 * what produced the records (schema, extension, TrackerDB, detector and rule versions, browser),
 * what was asked for (filters, privacy mode), what came out (counts per kind, files) and which
 * visits are incomplete. Built while records stream through `ManifestBuilder`, never from a list
 * of all records.
 */
export const EXPORT_FORMAT_VERSION = 1;

/** Incomplete visit ids listed in a manifest at most; the count is always exact. */
export const INCOMPLETE_VISIT_IDS_CAP = 1000;
/** Distinct extension or TrackerDB versions kept (a merged panel has a handful). */
const MAX_VERSIONS = 100;

export const exportFormat = z.enum(['jsonl', 'csv', 'parquet']);
export type ExportFormat = z.infer<typeof exportFormat>;

const kindCounts = z.object(
  Object.fromEntries(RECORD_KINDS.map((k) => [k, nonNegativeInt])) as Record<RecordKind, typeof nonNegativeInt>,
);
export type KindCounts = z.infer<typeof kindCounts>;

export const exportFilters = z.object({
  /** Inclusive lower bound on a record's time (`time` of events, `startedAt` of visits); null: none. */
  from: z.nullable(isoTime),
  /** Exclusive upper bound, same fields; null: none. */
  to: z.nullable(isoTime),
  /** Registrable domains (`site`); empty: every site. */
  sites: z.array(z.string().check(z.maxLength(253))),
  /** Record kinds kept; empty: every kind. */
  kinds: z.array(z.enum(RECORD_KINDS)),
});
export type ExportFilters = z.infer<typeof exportFilters>;

export const NO_FILTERS: ExportFilters = { from: null, to: null, sites: [], kinds: [] };

export const browserInfo = z.object({ name: z.string().check(z.maxLength(80)), version: z.string().check(z.maxLength(80)) });
export type BrowserInfo = z.infer<typeof browserInfo>;

export const detectorVersion = z.object({
  family: z.string(),
  id: z.string(),
  version: z.int(),
  /** As records name it in `ruleId` / `reasons[].rule`: `ads/gpt-slot@1`. */
  versionedId: z.string(),
});

export const exportedFile = z.object({
  /** Relative to the manifest. */
  path: z.string(),
  format: exportFormat,
  /** The one kind the file holds, or null for a JSON Lines file of every kind. */
  kind: z.nullable(z.enum(RECORD_KINDS)),
  records: nonNegativeInt,
});
export type ExportedFile = z.infer<typeof exportedFile>;

export const manifest = z.object({
  format: z.literal('beaker-export'),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  schemaVersion: z.literal(SCHEMA_VERSION),
  exportedAt: isoTime,
  /** What wrote the export: `extension`, `cli` (scripts/export.ts), `crawl`. */
  producer: z.object({ name: z.string().check(z.maxLength(40)), version: z.string().check(z.maxLength(80)) }),
  /** Distinct values seen on the records, plus the producer's own when it is the extension. */
  extensionVersions: z.array(z.string()),
  trackerDbVersions: z.array(z.string()),
  /** Browsers the records came from, as the caller knows them (records do not carry it). */
  browsers: z.array(browserInfo),
  /** Every detector of the registry with its version, and the rule tables' versions. */
  detectors: z.array(detectorVersion),
  ruleTables: z.object({ beaconRules: z.int(), textRules: z.int(), adLabels: z.int() }),
  filters: exportFilters,
  privacy: z.object({ mode: z.enum(['on', 'off']), rulesVersion: z.int() }),
  counts: kindCounts,
  /**
   * Per-visit completeness (visit fields `seenFromStart`, `droppedEvents`): complete when Beaker saw
   * the visit from its start and dropped no event; unknown when a visit record lacks the fields.
   */
  completeness: z.object({
    complete: nonNegativeInt,
    incomplete: nonNegativeInt,
    unknown: nonNegativeInt,
    incompleteVisitIds: z.array(z.string()),
    incompleteVisitIdsCap: nonNegativeInt,
    incompleteVisitIdsTruncated: z.boolean(),
  }),
  files: z.array(exportedFile),
  /** A crawl's own details (URL list hash, shard, options, runs): written by `npm run crawl` (scripts/crawl/finish.ts). */
  crawl: z.optional(z.record(z.string(), z.unknown())),
});
export type Manifest = z.infer<typeof manifest>;

export const MANIFEST_FILE = 'manifest.json';

/** Every detector the registry knows, in registry order. */
export function registryDetectors(): Manifest['detectors'] {
  return FAMILIES.flatMap((f) =>
    [...detectorsOf(f), ...f.outside].map((d) => ({ family: f.id, id: d.id, version: d.version, versionedId: `${d.id}@${d.version}` })),
  );
}

export function emptyKindCounts(): KindCounts {
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as KindCounts;
}

export interface ManifestInput {
  producer: Manifest['producer'];
  browsers: BrowserInfo[];
  filters: ExportFilters;
  privacy: PrivacyMode;
  files?: ExportedFile[];
  /** Versions known to the caller (the running extension's), added to those the records carry. */
  extensionVersions?: string[];
  trackerDbVersions?: string[];
  /** Defaults to now; tests pass a fixed time. */
  exportedAt?: string;
}

/** Folds records into the manifest's counts, versions and completeness, one record at a time. */
export class ManifestBuilder {
  private readonly counts = emptyKindCounts();
  private readonly extensionVersions = new Set<string>();
  private readonly trackerDbVersions = new Set<string>();
  private complete = 0;
  private incomplete = 0;
  private unknown = 0;
  private readonly incompleteIds: string[] = [];

  observe(record: ExportRecord): void {
    this.counts[record.kind] += 1;
    if (record.kind === 'visit') {
      this.observeVisit(record);
      return;
    }
    if (this.extensionVersions.size < MAX_VERSIONS) this.extensionVersions.add(record.extensionVersion);
    if (this.trackerDbVersions.size < MAX_VERSIONS) this.trackerDbVersions.add(record.trackerDbVersion);
  }

  private observeVisit(visit: ExportRecord & { kind: 'visit' }): void {
    // The completeness fields are being added to the visit schema; read them without assuming them.
    const fields = visit as { seenFromStart?: unknown; droppedEvents?: unknown };
    if (typeof fields.seenFromStart !== 'boolean' || typeof fields.droppedEvents !== 'number') {
      this.unknown += 1;
    } else if (fields.seenFromStart && fields.droppedEvents === 0) {
      this.complete += 1;
    } else {
      this.incomplete += 1;
      if (this.incompleteIds.length < INCOMPLETE_VISIT_IDS_CAP) this.incompleteIds.push(visit.id);
    }
  }

  build(input: ManifestInput): Manifest {
    const ext = new Set([...(input.extensionVersions ?? []), ...this.extensionVersions]);
    const tdb = new Set([...(input.trackerDbVersions ?? []), ...this.trackerDbVersions]);
    return manifest.parse({
      format: 'beaker-export',
      formatVersion: EXPORT_FORMAT_VERSION,
      schemaVersion: SCHEMA_VERSION,
      exportedAt: input.exportedAt ?? new Date().toISOString(),
      producer: input.producer,
      extensionVersions: [...ext].sort(),
      trackerDbVersions: [...tdb].sort(),
      browsers: input.browsers,
      detectors: registryDetectors(),
      ruleTables: { beaconRules: BEACON_RULES_VERSION, textRules: TEXT_RULES_VERSION, adLabels: AD_LABELS_VERSION },
      filters: input.filters,
      privacy: { mode: input.privacy, rulesVersion: PRIVACY_RULES_VERSION },
      counts: { ...this.counts },
      completeness: {
        complete: this.complete,
        incomplete: this.incomplete,
        unknown: this.unknown,
        incompleteVisitIds: [...this.incompleteIds],
        incompleteVisitIdsCap: INCOMPLETE_VISIT_IDS_CAP,
        incompleteVisitIdsTruncated: this.incomplete > this.incompleteIds.length,
      },
      files: input.files ?? [],
    });
  }
}

/** The manifest as written beside an export: pretty JSON, one trailing newline. */
export function manifestJson(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
