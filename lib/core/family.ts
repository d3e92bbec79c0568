import type { Detector, Pass } from './detector';
import type { Provenance } from '../schema/common';
import type { LogEvent } from '../schema/events';

/** The families, by their folder under lib/ (lib/registry.ts lists their descriptors in view order). */
export const FAMILY_IDS = ['trackers', 'ads', 'dark-patterns', 'engagement'] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];

/** The settings switch a family answers to (`settings.detectors.<key>`, lib/schema/settings.ts). */
export type FamilySettingsKey = 'trackers' | 'ads' | 'darkPatterns' | 'engagement';

/** The log record kind a family writes (lib/schema/events.ts). */
export type FamilyRecordKind = LogEvent['kind'];

/** A finding made outside the page walk (a page-world hook, a watcher), named for provenance. */
export interface OutsideDetector {
  id: string;
  version: number;
  description: string;
}

/**
 * One family of findings (ARCHITECTURE.md, "The registry"): what it is called, the switch that
 * turns it off, the records it writes. `lib/<family>/family.ts` exports it; lib/registry.ts lists
 * them, and the content script, the recorder, the popup and the settings page read that list.
 * Free of imports: every bundle loads it. What a family does in a page and in the background are
 * its two other parts, below, each listed by family id in its own bundle's table.
 */
export interface Family {
  id: FamilyId;
  version: number;
  settingsKey: FamilySettingsKey;
  recordKind: FamilyRecordKind;
  /** Shown on the settings page and as the popup's section title. */
  label: string;
  /** One sentence for the settings page: what turning it off stops. */
  description: string;
  /** Findings the content script makes outside the walk (the notification hook, the countdown watcher). */
  outside: readonly OutsideDetector[];
}

/** What a family runs in pages (lib/registry-page.ts): its walk detectors and its pass. */
export interface FamilyPage {
  /** Page-walk detectors, one file each under `lib/<id>/detectors/`, in merge order. */
  detectors: readonly Detector[];
  /** The content pass over one root: every detector of the family, findings merged. */
  pass: Pass;
  /**
   * Whether the pass runs in a frame served from an ad host. No for ads: such a frame is itself the
   * unit its parent counts, and looking inside it again would count the creative twice.
   */
  runsInAdFrames: boolean;
}

/** The log record of kind `K`. */
export type EventOf<K extends FamilyRecordKind> = Extract<LogEvent, { kind: K }>;

/**
 * What the settings decide about a record when it is written (the recorder reads them then):
 * a dark pattern less confident than `darkPatternMinConfidence` is recorded as `possible`
 * (ARCHITECTURE.md, "Dark patterns: what is found, and how sure").
 */
export interface RecordOptions {
  /** The threshold in force (lib/schema/settings.ts `darkPatternMinConfidence()`, already resolved). */
  darkPatternMinConfidence: number;
}

/**
 * What a family does in the background (lib/registry-records.ts): how one of its findings becomes a
 * log record, and how a visit's records of its kind fold into the popup's summary.
 * `F`: the finding as it reaches the recorder; `S`: the family's part of the visit summary.
 */
export interface FamilyRecords<K extends FamilyRecordKind, F, S> {
  kind: K;
  /**
   * The record, from the finding, the provenance the recorder stamps (`ruleId` already set) and
   * what the settings say at the time (a family reads what concerns it; the rest ignore it).
   */
  toEvent(finding: F, base: Provenance, options: RecordOptions): EventOf<K>;
  /** The family's part of a visit's summary, from its records in log order. */
  summarise(events: readonly EventOf<K>[]): S;
}
