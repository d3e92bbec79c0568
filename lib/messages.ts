import { FAMILY_IDS } from './core/family';
import { z } from 'zod/mini';
import { counts, engagementAction, trackerCategory } from './schema/events';
import { settings as settingsSchema } from './schema/settings';
import type { VisitSummary } from './log/summarize-visit';
import type { PeriodTotals } from './log/queries';
import type { ImportSummary } from './log/import-records';
import type { ExportFilters } from './export/manifest';
import { RECORD_KINDS } from './export/records';
import { historyRequests } from './history-messages';
import { filterListPageRequests } from './filter-list-messages';

/**
 * The message catalogue (ARCHITECTURE.md, "Rules of the house"): one zod union per direction, keyed on
 * `type`. Receivers check the sender, cap the size, then `safeParse`; what fails is dropped and
 * counted, never trusted.
 */

import { MAX_ACTS_PER_MESSAGE, MAX_FINDINGS_PER_MESSAGE, MAX_MESSAGE_BYTES, MAX_URLS_PER_MESSAGE } from './message-limits';
import { boundedText as text, contentMessage } from './schema/content-messages';

export { contentMessage };
export type { ContentMessage, ContentSettings, EngagementAct, FindingReport, ListAnswer, ListSelectorsMessage } from './schema/content-messages';
export { MAX_ACTS_PER_MESSAGE, MAX_FINDINGS_PER_MESSAGE, MAX_MESSAGE_BYTES, MAX_URLS_PER_MESSAGE };

const settingsShape = settingsSchema.shape;
/**
 * A change to the settings (`update-settings`): any of the fields, detectors and lists one by one,
 * or a whole settings object. The background merges it into the stored settings and writes the
 * result; `pausedSites`, when given, replaces the list (the popup and the settings page pause one
 * site at a time with `set-site-paused` instead).
 */
export const settingsPatch = z.object({
  version: z.optional(settingsShape.version),
  retentionDays: z.optional(settingsShape.retentionDays),
  detectors: z.optional(z.partial(settingsShape.detectors)),
  pausedSites: z.optional(settingsShape.pausedSites),
  lists: z.optional(z.partial(settingsShape.lists)),
  recordPrivateWindows: settingsShape.recordPrivateWindows,
});
export type SettingsPatch = z.infer<typeof settingsPatch>;

/**
 * Extension page (popup, settings, dashboard) → background. The background is the one writer of
 * the settings and the only reader and writer of the log: pages ask it, and never open IndexedDB.
 */
export const pageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab-state'), tabId: z.int() }),
  /** Everything the popup shows for a tab, in one answer (`PopupData`). */
  z.object({ type: z.literal('get-popup-data'), tabId: z.int() }),
  z.object({ type: z.literal('set-site-paused'), site: z.string().check(z.maxLength(253)), paused: z.boolean() }),
  /** Answered with the settings as stored after the change. */
  z.object({ type: z.literal('update-settings'), settings: settingsPatch }),
  z.object({ type: z.literal('get-diagnostics') }),
  z.object({ type: z.literal('delete-all-data') }),
  // The History dashboard (lib/history-messages.ts: its answers).
  ...historyRequests,
  // Filter lists (lib/filter-list-messages.ts).
  ...filterListPageRequests,
]);
export type PageMessage = z.infer<typeof pageMessage>;

/** What `get-tab-state` answers. */
export const tabState = z.object({
  tabId: z.int(),
  visitId: z.nullable(z.string()),
  url: z.nullable(z.string()),
  site: z.nullable(z.string()),
  /** Browser pages, stores and other URLs an extension cannot see. */
  restricted: z.boolean(),
  paused: z.boolean(),
  /** A tab of a private window, where Beaker records nothing (the setting `recordPrivateWindows` is off). */
  private: z.optional(z.boolean()),
});
export type TabState = z.infer<typeof tabState>;

const beaconLine = z.object({ url: z.string(), host: z.string(), why: z.array(z.string()), source: z.enum(['beacon', 'list']) });
const organizationRow = z.object({
  key: z.string(),
  name: z.string(),
  category: trackerCategory,
  categories: z.array(trackerCategory),
  requests: z.number(),
  thirdParty: z.boolean(),
  targeting: z.boolean(),
  trackers: z.array(z.string()),
  beacons: z.array(beaconLine),
});

/** What the popup shows of a visit: lib/log/summarize-visit.ts's `VisitSummary` without the visit record. */
const darkPatternGroup = z.object({
  category: z.string(),
  items: z.array(
    z.object({
      unitId: z.string(),
      category: z.string(),
      type: z.string(),
      explanationId: z.string(),
      evidence: z.string(),
      confidence: z.number(),
    }),
  ),
});

export const popupSummary = z.object({
  targeted: z.number(),
  engaged: z.number(),
  organizations: z.array(organizationRow),
  others: z.array(organizationRow),
  unknownBeacons: z.array(beaconLine),
  firstPartyTargeting: z.number(),
  thirdPartyTargeting: z.number(),
  engagement: z.record(engagementAction, z.number()),
  ads: z.object({
    rendered: z.number(),
    seen: z.number(),
    networks: z.array(z.object({ network: z.string(), rendered: z.number(), seen: z.number(), unitIds: z.array(z.string()) })),
  }),
  darkPatterns: z.array(darkPatternGroup),
  /** Findings below the settings' `darkPatternMinConfidence` (issue #11): shown as "possible", not in `targeted`. */
  possibleDarkPatterns: z.array(darkPatternGroup),
});
export type PopupSummary = z.infer<typeof popupSummary>;

const periodTotals = z.object({ from: z.string(), to: z.string(), visits: z.number(), counts });

/** What `get-popup-data` answers: computed in the background from the log, parsed by the popup. */
export const popupData = z.discriminatedUnion('status', [
  z.object({ status: z.literal('restricted'), tab: tabState }),
  z.object({ status: z.literal('private'), tab: tabState }),
  z.object({ status: z.literal('paused'), tab: tabState }),
  z.object({ status: z.literal('no-visit'), tab: tabState }),
  z.object({
    status: z.literal('ready'),
    tab: tabState,
    summary: popupSummary,
    siteWeek: periodTotals,
    week: periodTotals,
    /** Families whose switch is off in the settings (lib/registry.ts ids): the popup says so instead of showing zeros. */
    off: z.array(z.enum(FAMILY_IDS)).check(z.maxLength(8)),
    /** The lists were built from part of the visit's records (lib/background/popup-data.ts); the counts are complete. */
    detailsCapped: z.boolean(),
    /** Beaker joined the visit late (schema 3 visits' `partial`; lib/background/popup-data.ts): present only when true. */
    partial: z.optional(z.boolean()),
  }),
]);
export type PopupData = z.infer<typeof popupData>;

// Compile-time: the schemas describe exactly what lib/log computes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<PopupSummary, Omit<VisitSummary, 'visit'>>;
true satisfies Same<z.infer<typeof periodTotals>, PeriodTotals>;

/** Extension page → content script: outline these units on the page (`null`: clear). */
export const highlightMessage = z.object({
  type: z.literal('highlight'),
  items: z.nullable(z.array(z.object({ unitId: text(80), label: text(120) })).check(z.maxLength(200))),
});

/**
 * Export and import run over a runtime Port (ARCHITECTURE.md, "Export and import"), only from the
 * settings page (the background checks the port's sender). Export: the page asks page by page
 * (`export-next`) and the background answers one cursor page at a time; the page parses each
 * record with `exportRecord`. Import: one port per file, chunks of its text acknowledged one by one.
 */
export const EXPORT_PORT = 'beaker-export';
export const IMPORT_PORT = 'beaker-import';
export const MAX_IMPORT_CHUNK_CHARS = 1 << 20;
export const MAX_EXPORT_PAGE_RECORDS = 1000;
const exportFiltersMessage = z.object({
  from: z.nullable(z.iso.datetime()),
  to: z.nullable(z.iso.datetime()),
  sites: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(1000)),
  kinds: z.array(z.enum(RECORD_KINDS)),
});
true satisfies Same<z.infer<typeof exportFiltersMessage>, ExportFilters>;
export const exportRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export-start'), filters: exportFiltersMessage }),
  z.object({ type: z.literal('export-next') }),
]);
export type ExportRequest = z.infer<typeof exportRequest>;
export const exportReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export-begin'), extensionVersion: z.string(), trackerDbVersion: z.string() }),
  z.object({ type: z.literal('export-page'), records: z.array(z.unknown()).check(z.maxLength(MAX_EXPORT_PAGE_RECORDS)) }),
  z.object({ type: z.literal('export-end') }),
  z.object({ type: z.literal('export-error'), message: z.string() }),
]);
export type ExportReply = z.infer<typeof exportReply>;
export const importRequest = z.discriminatedUnion('type', [
  /** `size`: the file's bytes as the page sees them (a zip's: its records file's), for the size cap. */
  z.object({ type: z.literal('import-start'), name: z.string().check(z.maxLength(255)), size: z.nullable(z.int().check(z.nonnegative())) }),
  z.object({ type: z.literal('import-chunk'), text: z.string().check(z.maxLength(MAX_IMPORT_CHUNK_CHARS)) }),
  z.object({ type: z.literal('import-end') }),
  /** Sent every few seconds while the page waits for the write: an MV3 worker idle for 30 s is stopped. */
  z.object({ type: z.literal('import-ping') }),
]);
export type ImportRequest = z.infer<typeof importRequest>;
const kindCounts = z.record(z.string(), z.int());
export const importReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('import-ack') }),
  z.object({ type: z.literal('import-refused'), line: z.nullable(z.int()), message: z.string() }),
  /** `expiring`: records older than the retention period, which its next run deletes. */
  z.object({
    type: z.literal('import-done'),
    summary: z.object({ imported: kindCounts, duplicates: kindCounts, siteDays: z.int() }),
    expiring: z.object({ records: z.int(), retentionDays: z.int() }),
  }),
]);
export type ImportReply = z.infer<typeof importReply>;
true satisfies Same<Extract<ImportReply, { type: 'import-done' }>['summary'], ImportSummary>;

/** Background → extension pages: a visit's counts changed; views re-read the log. */
export const broadcastMessage = z.object({ type: z.literal('visit-updated'), visitId: z.string(), tabId: z.int() });

export type ParseOutcome<T> = { ok: true; message: T } | { ok: false; error: 'oversized' | 'malformed' | 'unserialisable' };

/** Size-cap then validate one incoming message. Never throws. */
export function parseMessage<T>(schema: z.ZodMiniType<T>, raw: unknown): ParseOutcome<T> {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'unserialisable' };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: 'oversized' };
  const result = schema.safeParse(raw);
  return result.success ? { ok: true, message: result.data } : { ok: false, error: 'malformed' };
}
